package org.shutong.gateway.authorization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.client.DepartmentClients;
import org.shutong.gateway.testing.GatewayTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired authorizations are deleted by the purge; live ones stay.
 */
@GatewayTest
class AuthorizationPurgeTests {

	@Autowired
	private IndexedAuthorizationService authorizations;

	@Autowired
	private RegisteredClientRepository clients;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionOperations transactions;

	@Test
	void deletesAnAuthorizationWhoseTokensExpiredAndKeepsALiveOne() {
		RegisteredClient client = this.clients.findByClientId(DepartmentClients.COMMAND_LINE_CLIENT_ID);
		Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
		OAuth2Authorization expired = authorization(client, twoHoursAgo);
		OAuth2Authorization live = authorization(client, Instant.now());
		// Saved by an instance whose clock says two hours ago: no token of it is valid
		// now.
		new IndexedAuthorizationService(new JdbcOAuth2AuthorizationService(this.jdbc, this.clients), this.jdbc,
				this.transactions, Clock.fixed(twoHoursAgo, ZoneOffset.UTC))
			.save(expired);
		this.authorizations.save(live);

		int deleted = this.authorizations.purgeExpired(10);

		assertThat(deleted).isPositive();
		assertThat(this.authorizations.findById(expired.getId())).isNull();
		assertThat(this.authorizations.findById(live.getId())).isNotNull();
		assertThat(this.authorizations.findByToken(live.getAccessToken().getToken().getTokenValue(), null)).isNotNull();
	}

	@Test
	void deletesSpentRefreshTokensOnceTheyHaveExpired() {
		String expired = UUID.randomUUID().toString();
		String live = UUID.randomUUID().toString();
		spentRefreshToken(expired, Instant.now().minus(Duration.ofMinutes(1)));
		spentRefreshToken(live, Instant.now().plus(Duration.ofHours(1)));

		this.authorizations.purgeExpired(10);

		assertThat(this.jdbc.queryForList(
				"SELECT authorization_id FROM oauth2_spent_refresh_token" + " WHERE authorization_id IN (?, ?)",
				String.class, expired, live))
			.containsExactly(live);
	}

	private void spentRefreshToken(String authorizationId, Instant expiresAt) {
		this.jdbc.update(
				"INSERT INTO oauth2_spent_refresh_token (token_hash, authorization_id, expires_at)"
						+ " VALUES (?, ?, ?)",
				TokenHashes.of(authorizationId), authorizationId, Timestamp.from(expiresAt));
	}

	private static OAuth2Authorization authorization(RegisteredClient client, Instant issuedAt) {
		return OAuth2Authorization.withRegisteredClient(client)
			.id(UUID.randomUUID().toString())
			.principalName("purge-test")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, UUID.randomUUID().toString(), issuedAt,
					issuedAt.plus(Duration.ofMinutes(10))))
			.refreshToken(new OAuth2RefreshToken(UUID.randomUUID().toString(), issuedAt,
					issuedAt.plus(Duration.ofMinutes(30))))
			.build();
	}

}
