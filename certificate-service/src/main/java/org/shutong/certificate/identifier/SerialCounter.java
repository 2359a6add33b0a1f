package org.shutong.certificate.identifier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives out serials per type and issuer, counted from 1. The counter row stays locked
 * until the issuing transaction ends, so concurrent issuances get distinct serials and a
 * rolled back issuance gives its serials back.
 */
@Component
public class SerialCounter {

	private final JdbcClient jdbc;

	SerialCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Reserves {@code count} serials and returns the first. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long reserve(String typeCode, String issuerCode, int count) {
		// One statement that creates or advances the row and locks it (MySQL, MariaDB, H2
		// in MySQL mode).
		this.jdbc.sql("""
				INSERT INTO certificate_serial (type_code, issuer_code, last_serial) VALUES (:type, :issuer, :count)
				ON DUPLICATE KEY UPDATE last_serial = last_serial + :count""")
			.param("type", typeCode)
			.param("issuer", issuerCode)
			.param("count", count)
			.update();
		long last = this.jdbc
			.sql("SELECT last_serial FROM certificate_serial WHERE type_code = :type AND issuer_code = :issuer")
			.param("type", typeCode)
			.param("issuer", issuerCode)
			.query(Long.class)
			.single();
		return last - count + 1;
	}

}
