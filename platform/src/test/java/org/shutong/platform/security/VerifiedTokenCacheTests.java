package org.shutong.platform.security;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void verifiesEachTokenOnceWhileItIsValid() {
		JwtDecoder cache = new VerifiedTokenCache(verifier(Instant.now()), 100);

		Jwt first = cache.decode("token-a");
		Jwt again = cache.decode("token-a");

		assertThat(again).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
		cache.decode("token-b");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void checksTheTimestampsAgainOnEveryHit() {
		// Accepted by the (stand-in) verifier, but not valid before ten minutes from now.
		JwtDecoder cache = new VerifiedTokenCache(verifier(Instant.now().plusSeconds(600)), 100);
		cache.decode("token-a");

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"));
		cache.decode("token-a");
		assertThat(this.verifications).as("a refused token is verified afresh next time").hasValue(2);
	}

	@Test
	void neverRemembersARefusedToken() {
		JwtDecoder refusing = (token) -> {
			this.verifications.incrementAndGet();
			throw new BadJwtException("bad signature");
		};
		JwtDecoder cache = new VerifiedTokenCache(refusing, 100);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged"));
		assertThat(this.verifications).hasValue(2);
	}

	private JwtDecoder verifier(Instant notBefore) {
		return (token) -> {
			this.verifications.incrementAndGet();
			Instant now = Instant.now();
			return Jwt.withTokenValue(token)
				.header("alg", "ES256")
				.subject("system")
				.issuedAt(now)
				.notBefore(notBefore)
				.expiresAt(now.plusSeconds(600))
				.build();
		};
	}

}
