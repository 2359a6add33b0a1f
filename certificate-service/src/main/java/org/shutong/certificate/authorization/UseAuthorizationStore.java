package org.shutong.certificate.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code use_authorization} table.
 */
@Repository
class UseAuthorizationStore {

	private final JdbcTemplate jdbc;

	UseAuthorizationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UseAuthorization authorization) {
		this.jdbc.update("""
				INSERT INTO use_authorization (id, certificate_id, holder_reference, department_code, service_item_code,
				valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", authorization.id(),
				authorization.certificateId(), authorization.holderReference(), authorization.departmentCode(),
				authorization.serviceItemCode(), Timestamp.from(authorization.validUntil()),
				Timestamp.from(authorization.createdAt()));
	}

	Optional<UseAuthorization> lock(String id) {
		return this.jdbc
			.query("SELECT * FROM use_authorization WHERE id = ? FOR UPDATE", UseAuthorizationStore::read, id)
			.stream()
			.findFirst();
	}

	/** Marks it withdrawn unless it already is; false when it already was. */
	boolean withdraw(String id, Instant at) {
		return this.jdbc.update("UPDATE use_authorization SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
				Timestamp.from(at), id) == 1;
	}

	List<UseAuthorization> findByHolder(String holderReference) {
		return this.jdbc.query(
				"SELECT * FROM use_authorization WHERE holder_reference = ? ORDER BY created_at DESC, id",
				UseAuthorizationStore::read, holderReference);
	}

	List<UseAuthorization> findByUse(String certificateId, String departmentCode, String serviceItemCode) {
		return this.jdbc.query("""
				SELECT * FROM use_authorization
				WHERE certificate_id = ? AND department_code = ? AND service_item_code = ?
				ORDER BY valid_until DESC, id""", UseAuthorizationStore::read, certificateId, departmentCode,
				serviceItemCode);
	}

	private static UseAuthorization read(ResultSet row, int index) throws SQLException {
		Timestamp withdrawn = row.getTimestamp("withdrawn_at");
		return new UseAuthorization(row.getString("id"), row.getString("certificate_id"),
				row.getString("holder_reference"), row.getString("department_code"), row.getString("service_item_code"),
				row.getTimestamp("valid_until").toInstant(), row.getTimestamp("created_at").toInstant(),
				(withdrawn != null) ? withdrawn.toInstant() : null);
	}

}
