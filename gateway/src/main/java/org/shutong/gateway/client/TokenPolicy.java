package org.shutong.gateway.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * How long the gateway's tokens live: short access tokens, single-use codes of a minute,
 * refresh tokens that rotate on every use.
 *
 * @param accessTokenLifetime at most 15 minutes
 * @param authorizationCodeLifetime at most 60 seconds
 * @param refreshTokenLifetime how long a person stays signed in without signing in again
 */
@ConfigurationProperties("shutong.gateway.tokens")
public record TokenPolicy(Duration accessTokenLifetime, Duration authorizationCodeLifetime,
		Duration refreshTokenLifetime) {

	public TokenPolicy {
		if (accessTokenLifetime.compareTo(Duration.ofMinutes(15)) > 0) {
			throw new IllegalArgumentException("access tokens must not live longer than 15 minutes");
		}
		if (authorizationCodeLifetime.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new IllegalArgumentException("authorization codes must not live longer than 60 seconds");
		}
	}

	TokenSettings settings() {
		return TokenSettings.builder()
			.accessTokenTimeToLive(this.accessTokenLifetime)
			.authorizationCodeTimeToLive(this.authorizationCodeLifetime)
			.refreshTokenTimeToLive(this.refreshTokenLifetime)
			.reuseRefreshTokens(false)
			.idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
			.build();
	}

}
