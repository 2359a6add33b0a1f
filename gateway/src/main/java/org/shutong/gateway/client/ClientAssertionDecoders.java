package org.shutong.gateway.client;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Decodes {@code private_key_jwt} client assertions (RFC 7523) against the JWK Set the
 * client registered inline, or its {@code jwkSetUrl} through Spring's own factory. On top
 * of Spring's checks (iss = sub = client, audience, expiry), an assertion is accepted
 * once: a replayed {@code jti} is refused until the assertion would have expired anyway.
 */
public class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

	private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(10);

	private final JwtClientAssertionDecoderFactory byUrl = new JwtClientAssertionDecoderFactory();

	private final Cache<String, JwtDecoder> decoders = Caffeine.newBuilder().maximumSize(10_000).build();

	private final Cache<String, Instant> seenAssertions = Caffeine.newBuilder()
		.maximumSize(1_000_000)
		.expireAfter(Expiry.<String, Instant>creating((id, expiresAt) -> Duration.between(Instant.now(), expiresAt)))
		.build();

	public ClientAssertionDecoders() {
		this.byUrl.setJwtValidatorFactory((client) -> validator(client));
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		String jwks = DepartmentClients.jwksOf(client);
		if (jwks == null) {
			return this.byUrl.createDecoder(client);
		}
		return this.decoders.get(client.getId() + '\n' + jwks, (key) -> inline(client, jwks));
	}

	private JwtDecoder inline(RegisteredClient client, String jwks) {
		NimbusJwtDecoder decoder;
		try {
			decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(JWKSet.parse(jwks)))
				.jwsAlgorithms((algorithms) -> {
					algorithms.add(SignatureAlgorithm.ES256);
					algorithms.add(SignatureAlgorithm.PS256);
					algorithms.add(SignatureAlgorithm.RS256);
				})
				.build();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("client " + client.getClientId() + " has an unreadable JWK Set", ex);
		}
		decoder.setJwtValidator(validator(client));
		return decoder;
	}

	private OAuth2TokenValidator<Jwt> validator(RegisteredClient client) {
		return new DelegatingOAuth2TokenValidator<>(
				JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client),
				(jwt) -> acceptOnce(client, jwt));
	}

	private OAuth2TokenValidatorResult acceptOnce(RegisteredClient client, Jwt assertion) {
		Instant expiresAt = assertion.getExpiresAt();
		if (assertion.getId() == null || expiresAt == null
				|| expiresAt.isAfter(Instant.now().plus(MAX_ASSERTION_LIFETIME))) {
			return failure("a client assertion needs a jti and must expire within " + MAX_ASSERTION_LIFETIME);
		}
		Instant first = this.seenAssertions.asMap().putIfAbsent(client.getId() + '\n' + assertion.getId(), expiresAt);
		return (first == null) ? OAuth2TokenValidatorResult.success()
				: failure("this client assertion was already used");
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description,
				"https://datatracker.ietf.org/doc/html/rfc7523#section-3"));
	}

}
