package org.shutong.platform.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature and claims were already checked, so that a system
 * calling with the same token for its whole lifetime pays for one signature check, not
 * one per request (an ES256 verification was most of a read's cost). Only the exact same
 * token string hits the cache; on every hit its expiry and not-before are checked again.
 */
public final class VerifiedTokenCache implements JwtDecoder {

	private static final Duration LONGEST_STAY = Duration.ofMinutes(15);

	private final JwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> timestamps = new JwtTimestampValidator();

	private final Cache<String, Jwt> verified;

	public VerifiedTokenCache(JwtDecoder delegate, long maximumSize) {
		this.delegate = delegate;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> stayFor(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = this.delegate.decode(token);
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.timestamps.validate(known);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			throw new JwtValidationException("The token is no longer valid", result.getErrors());
		}
		return known;
	}

	private static Duration stayFor(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		Duration untilExpiry = Duration.between(Instant.now(), expiresAt);
		return untilExpiry.compareTo(LONGEST_STAY) > 0 ? LONGEST_STAY : untilExpiry;
	}

}
