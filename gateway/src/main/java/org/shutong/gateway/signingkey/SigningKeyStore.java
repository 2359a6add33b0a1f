package org.shutong.gateway.signingkey;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code signing_key} table, shared by every gateway instance.
 */
class SigningKeyStore {

	private final JdbcTemplate jdbc;

	private final KeySealer sealer;

	SigningKeyStore(JdbcTemplate jdbc, KeySealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	void add(SigningKey key) {
		this.jdbc.update(
				"INSERT INTO signing_key (key_id, algorithm, public_jwk, sealed_private_key, created_at, activates_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				key.keyId(), key.jwk().getAlgorithm().getName(), key.jwk().toPublicJWK().toJSONString(),
				this.sealer.seal(key.keyId(), key.jwk().toJSONString()), Timestamp.from(key.createdAt()),
				Timestamp.from(key.activatesAt()));
	}

	/**
	 * Sets when every key still without a retirement, except {@code successor}, leaves
	 * JWKS.
	 */
	void retireAllBut(String successor, Instant retiresAt) {
		this.jdbc.update("UPDATE signing_key SET retires_at = ? WHERE retires_at IS NULL AND key_id <> ?",
				Timestamp.from(retiresAt), successor);
	}

	/**
	 * The keys not yet retired at {@code instant}, newest activation first.
	 */
	List<SigningKey> publishedAt(Instant instant) {
		return this.jdbc.query(
				"SELECT key_id, sealed_private_key, created_at, activates_at, retires_at FROM signing_key"
						+ " WHERE retires_at IS NULL OR retires_at > ? ORDER BY activates_at DESC, created_at DESC",
				(rs, row) -> {
					String keyId = rs.getString("key_id");
					Timestamp retires = rs.getTimestamp("retires_at");
					return new SigningKey(parse(this.sealer.open(keyId, rs.getBytes("sealed_private_key"))),
							rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("activates_at").toInstant(),
							(retires != null) ? retires.toInstant() : null);
				}, Timestamp.from(instant));
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored signing key is not a JWK", ex);
		}
	}

}
