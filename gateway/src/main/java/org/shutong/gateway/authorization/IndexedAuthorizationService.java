package org.shutong.gateway.authorization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores authorizations with Spring Security's JDBC service, and finds them by token
 * through indexed SHA-256 columns instead of the stock query, which compares BLOBs and
 * scans the table. It also keeps the hashes of refresh tokens already exchanged: a spent
 * refresh token presented again has leaked, and its whole authorization is revoked.
 */
class IndexedAuthorizationService implements OAuth2AuthorizationService {

	private static final Logger logger = LoggerFactory.getLogger(IndexedAuthorizationService.class);

	/** How long a row with no live token is kept, e.g. a login that never came back. */
	private static final Duration UNFINISHED_RETENTION = Duration.ofHours(1);

	private static final Map<String, String> HASH_COLUMNS = Map.of(OAuth2ParameterNames.STATE, "state_hash",
			OAuth2ParameterNames.CODE, "authorization_code_hash", OAuth2ParameterNames.ACCESS_TOKEN,
			"access_token_hash", OidcParameterNames.ID_TOKEN, "oidc_id_token_hash", OAuth2ParameterNames.REFRESH_TOKEN,
			"refresh_token_hash");

	private static final List<String> ANY_TOKEN_ORDER = List.of(OAuth2ParameterNames.ACCESS_TOKEN,
			OAuth2ParameterNames.REFRESH_TOKEN, OAuth2ParameterNames.CODE, OAuth2ParameterNames.STATE,
			OidcParameterNames.ID_TOKEN);

	private final JdbcOAuth2AuthorizationService rows;

	private final JdbcTemplate jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	IndexedAuthorizationService(JdbcOAuth2AuthorizationService rows, JdbcTemplate jdbc,
			TransactionOperations transactions, Clock clock) {
		this.rows = rows;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.transactions.executeWithoutResult((status) -> {
			OAuth2Authorization.Token<OAuth2RefreshToken> refreshToken = authorization.getRefreshToken();
			if (refreshToken != null) {
				spendReplacedRefreshToken(authorization.getId(),
						TokenHashes.of(refreshToken.getToken().getTokenValue()));
			}
			this.rows.save(authorization);
			this.jdbc.update(
					"UPDATE oauth2_authorization SET state_hash = ?, authorization_code_hash = ?, access_token_hash = ?,"
							+ " oidc_id_token_hash = ?, refresh_token_hash = ?, purge_after = ? WHERE id = ?",
					TokenHashes.of(authorization.getAttribute(OAuth2ParameterNames.STATE)),
					hash(authorization.getToken(OAuth2AuthorizationCode.class)), hash(authorization.getAccessToken()),
					hash(authorization.getToken(OidcIdToken.class)), hash(refreshToken),
					Timestamp.from(purgeAfter(authorization)), authorization.getId());
		});
	}

	private void spendReplacedRefreshToken(String authorizationId, @Nullable String current) {
		List<Map<String, Object>> previous = this.jdbc.queryForList(
				"SELECT refresh_token_hash, refresh_token_expires_at FROM oauth2_authorization WHERE id = ?",
				authorizationId);
		if (previous.isEmpty()) {
			return;
		}
		String previousHash = (String) previous.get(0).get("refresh_token_hash");
		Object expiresAt = previous.get(0).get("refresh_token_expires_at");
		if (previousHash != null && !previousHash.equals(current) && expiresAt != null) {
			this.jdbc.update(
					"INSERT INTO oauth2_spent_refresh_token (token_hash, authorization_id, expires_at) VALUES (?, ?, ?)",
					previousHash, authorizationId, expiresAt);
		}
	}

	private Instant purgeAfter(OAuth2Authorization authorization) {
		Instant unfinished = this.clock.instant().plus(UNFINISHED_RETENTION);
		return Stream
			.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
					authorization.getToken(OidcIdToken.class), authorization.getRefreshToken())
			.filter(Objects::nonNull)
			.map((token) -> token.getToken().getExpiresAt())
			.filter(Objects::nonNull)
			.reduce(unfinished, (latest, expiry) -> expiry.isAfter(latest) ? expiry : latest);
	}

	private static @Nullable String hash(OAuth2Authorization.@Nullable Token<? extends AbstractOAuth2Token> token) {
		return (token != null) ? TokenHashes.of(token.getToken().getTokenValue()) : null;
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.rows.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.rows.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		String hash = TokenHashes.of(token);
		if (tokenType == null) {
			for (String type : ANY_TOKEN_ORDER) {
				OAuth2Authorization found = findByHash(HASH_COLUMNS.get(type), hash);
				if (found != null) {
					return found;
				}
			}
			return revokeIfSpent(hash);
		}
		String column = HASH_COLUMNS.get(tokenType.getValue());
		if (column == null) {
			// Device and user codes: this platform does not enable the device flow.
			return this.rows.findByToken(token, tokenType);
		}
		OAuth2Authorization found = findByHash(column, hash);
		if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
			return revokeIfSpent(hash);
		}
		return found;
	}

	private @Nullable OAuth2Authorization findByHash(String column, String hash) {
		List<String> ids = this.jdbc.queryForList("SELECT id FROM oauth2_authorization WHERE " + column + " = ?",
				String.class, hash);
		return ids.isEmpty() ? null : this.rows.findById(ids.get(0));
	}

	/**
	 * A refresh token that was already exchanged is being presented again: someone holds
	 * a copy. The authorization it belonged to, with every token issued from it, is
	 * revoked.
	 */
	private @Nullable OAuth2Authorization revokeIfSpent(String hash) {
		List<String> families = this.jdbc.queryForList(
				"SELECT authorization_id FROM oauth2_spent_refresh_token WHERE token_hash = ?", String.class, hash);
		if (!families.isEmpty()) {
			String family = families.get(0);
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("DELETE FROM oauth2_authorization WHERE id = ?", family);
				this.jdbc.update("DELETE FROM oauth2_spent_refresh_token WHERE authorization_id = ?", family);
			});
			logger.warn("A spent refresh token was presented again; authorization {} and its tokens are revoked",
					family);
		}
		return null;
	}

	/**
	 * Deletes authorizations and spent refresh tokens past their last expiry.
	 * @return how many rows went
	 */
	int purgeExpired(int batchSize) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int deleted = 0;
		int round;
		do {
			round = this.jdbc.update("DELETE FROM oauth2_authorization WHERE purge_after < ? LIMIT " + batchSize, now);
			deleted += round;
		}
		while (round == batchSize);
		do {
			round = this.jdbc.update("DELETE FROM oauth2_spent_refresh_token WHERE expires_at < ? LIMIT " + batchSize,
					now);
			deleted += round;
		}
		while (round == batchSize);
		return deleted;
	}

}
