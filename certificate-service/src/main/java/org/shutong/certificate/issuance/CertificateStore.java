package org.shutong.certificate.issuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.type.HolderKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code certificate} table, written in JDBC batches.
 */
@Repository
public class CertificateStore {

	private final JdbcTemplate jdbc;

	CertificateStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(List<StoredCertificate> certificates) {
		this.jdbc.batchUpdate(
				"""
						INSERT INTO certificate (id, type_code, issuer_department_code, holder_kind, holder_reference, issued_at,
						valid_from, valid_until, status, key_id, algorithm, document, signature)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				certificates, 500, (statement, certificate) -> {
					statement.setString(1, certificate.id());
					statement.setString(2, certificate.typeCode());
					statement.setString(3, certificate.issuerDepartmentCode());
					statement.setString(4, certificate.holderKind().name());
					statement.setString(5, certificate.holderReference());
					statement.setTimestamp(6, Timestamp.from(certificate.issuedAt()));
					statement.setTimestamp(7, Timestamp.from(certificate.validFrom()));
					statement.setTimestamp(8, timestamp(certificate.validUntil()));
					statement.setString(9, certificate.status().name());
					statement.setString(10, certificate.keyId());
					statement.setString(11, certificate.algorithm());
					statement.setString(12, certificate.document());
					statement.setString(13, certificate.signature());
				});
	}

	public Optional<StoredCertificate> find(String id) {
		return this.jdbc.query("SELECT * FROM certificate WHERE id = ?", CertificateStore::read, id)
			.stream()
			.findFirst();
	}

	public Optional<CertificateStatus> status(String id) {
		return this.jdbc
			.query("SELECT status FROM certificate WHERE id = ?",
					(row, index) -> CertificateStatus.valueOf(row.getString("status")), id)
			.stream()
			.findFirst();
	}

	/** The certificate, locked until the transaction ends. */
	public Optional<StoredCertificate> lock(String id) {
		return this.jdbc.query("SELECT * FROM certificate WHERE id = ? FOR UPDATE", CertificateStore::read, id)
			.stream()
			.findFirst();
	}

	public List<StoredCertificate> findByHolder(String holderReference) {
		return this.jdbc.query("SELECT * FROM certificate WHERE holder_reference = ? ORDER BY issued_at, id",
				CertificateStore::read, holderReference);
	}

	public void updateStatus(String id, CertificateStatus status) {
		this.jdbc.update("UPDATE certificate SET status = ? WHERE id = ?", status.name(), id);
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static StoredCertificate read(ResultSet row, int index) throws SQLException {
		Timestamp until = row.getTimestamp("valid_until");
		return new StoredCertificate(row.getString("id"), row.getString("type_code"),
				row.getString("issuer_department_code"), HolderKind.valueOf(row.getString("holder_kind")),
				row.getString("holder_reference"), row.getTimestamp("issued_at").toInstant(),
				row.getTimestamp("valid_from").toInstant(), (until != null) ? until.toInstant() : null,
				CertificateStatus.valueOf(row.getString("status")), row.getString("key_id"), row.getString("algorithm"),
				row.getString("document"), row.getString("signature"));
	}

}
