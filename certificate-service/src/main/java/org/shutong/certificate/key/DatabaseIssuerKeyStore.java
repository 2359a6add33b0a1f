package org.shutong.certificate.key;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuer keys in the {@code issuer_key} table, private keys sealed under the master key
 * and opened once per key into memory. A department's first key of an algorithm is made
 * the first time it is needed, in a transaction of its own; when two instances race, the
 * unique {@code current_for} keeps one and the other reads it.
 */
class DatabaseIssuerKeyStore implements IssuerKeyStore {

	private static final String COLUMNS = "key_id, department_code, algorithm, public_key, not_before, retired_at";

	private final JdbcTemplate jdbc;

	private final KeySealer sealer;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final Map<String, SigningKey> opened = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	DatabaseIssuerKeyStore(JdbcTemplate jdbc, KeySealer sealer, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public SigningKey current(String departmentCode, KeyAlgorithm algorithm) {
		Optional<String> keyId = currentKeyId(departmentCode, algorithm);
		if (keyId.isPresent()) {
			return this.opened.computeIfAbsent(keyId.get(), this::open);
		}
		return create(departmentCode, algorithm);
	}

	@Override
	public PublishedKey rotate(String departmentCode, KeyAlgorithm algorithm) {
		// Certificates carry whole-second issue times: the old key covers the whole
		// second.
		Instant retiredAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		this.jdbc.update("UPDATE issuer_key SET current_for = NULL, retired_at = ? WHERE current_for = ?",
				Timestamp.from(retiredAt), currentFor(departmentCode, algorithm));
		String keyId = insert(departmentCode, algorithm);
		return find(keyId).orElseThrow();
	}

	@Override
	public Optional<PublishedKey> find(String keyId) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM issuer_key WHERE key_id = ?", DatabaseIssuerKeyStore::read, keyId)
			.stream()
			.findFirst();
	}

	@Override
	public List<PublishedKey> published(String departmentCode) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM issuer_key WHERE department_code = ? ORDER BY not_before",
				DatabaseIssuerKeyStore::read, departmentCode);
	}

	private Optional<String> currentKeyId(String departmentCode, KeyAlgorithm algorithm) {
		return this.jdbc
			.queryForList("SELECT key_id FROM issuer_key WHERE current_for = ?", String.class,
					currentFor(departmentCode, algorithm))
			.stream()
			.findFirst();
	}

	/**
	 * Makes the first key in a transaction of its own; what it made, or what a racing
	 * caller made, is read there too, since the caller's transaction may not see rows
	 * committed after it began (repeatable read).
	 */
	private SigningKey create(String departmentCode, KeyAlgorithm algorithm) {
		try {
			String keyId = this.ownTransaction.execute((status) -> insert(departmentCode, algorithm));
			return this.opened.computeIfAbsent(keyId, (id) -> this.ownTransaction.execute((status) -> open(id)));
		}
		catch (DuplicateKeyException ex) {
			return this.ownTransaction.execute((status) -> {
				String keyId = currentKeyId(departmentCode, algorithm).orElseThrow(() -> ex);
				return this.opened.computeIfAbsent(keyId, this::open);
			});
		}
	}

	private String insert(String departmentCode, KeyAlgorithm algorithm) {
		byte[] suffix = new byte[6];
		this.random.nextBytes(suffix);
		String keyId = departmentCode.toLowerCase(Locale.ROOT) + "-" + algorithm.name().toLowerCase(Locale.ROOT) + "-"
				+ HexFormat.of().formatHex(suffix);
		KeyPair pair = EcCrypto.generate(algorithm);
		this.jdbc.update(
				"INSERT INTO issuer_key (key_id, department_code, algorithm, public_key, sealed_private_key, current_for,"
						+ " not_before) VALUES (?, ?, ?, ?, ?, ?, ?)",
				keyId, departmentCode, algorithm.name(), pair.getPublic().getEncoded(),
				this.sealer.seal(keyId, pair.getPrivate().getEncoded()), currentFor(departmentCode, algorithm),
				Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		return keyId;
	}

	private SigningKey open(String keyId) {
		return this.jdbc.queryForObject("SELECT algorithm, sealed_private_key FROM issuer_key WHERE key_id = ?",
				(row, index) -> {
					KeyAlgorithm algorithm = KeyAlgorithm.valueOf(row.getString("algorithm"));
					PrivateKey key = EcCrypto.privateKey(this.sealer.open(keyId, row.getBytes("sealed_private_key")));
					return new SoftwareSigningKey(keyId, algorithm, key);
				}, keyId);
	}

	private static String currentFor(String departmentCode, KeyAlgorithm algorithm) {
		return departmentCode + ":" + algorithm.name();
	}

	private static PublishedKey read(ResultSet row, int index) throws SQLException {
		Timestamp retired = row.getTimestamp("retired_at");
		return new PublishedKey(row.getString("key_id"), row.getString("department_code"),
				KeyAlgorithm.valueOf(row.getString("algorithm")), EcCrypto.publicKey(row.getBytes("public_key")),
				row.getTimestamp("not_before").toInstant(), (retired != null) ? retired.toInstant() : null);
	}

}
