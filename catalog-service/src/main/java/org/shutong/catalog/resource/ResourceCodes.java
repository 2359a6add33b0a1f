package org.shutong.catalog.resource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives out resource codes {@code <category>-<provider credit code>-<serial>}, the serial
 * counted per category and provider from 1, at least six digits. The counter row stays
 * locked until the publishing transaction ends, so concurrent publishes get consecutive
 * serials and a rolled back publish gives its serial back.
 */
@Component
class ResourceCodes {

	private final JdbcClient jdbc;

	ResourceCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(ResourceCategory category, String providerCode) {
		// One statement that creates or increments the row and locks it (MySQL, MariaDB,
		// H2 in MySQL mode).
		this.jdbc.sql("""
				INSERT INTO resource_serial (category, provider_code, last_serial) VALUES (:category, :provider, 1)
				ON DUPLICATE KEY UPDATE last_serial = last_serial + 1""")
			.param("category", category.name())
			.param("provider", providerCode)
			.update();
		int serial = this.jdbc
			.sql("SELECT last_serial FROM resource_serial WHERE category = :category AND provider_code = :provider")
			.param("category", category.name())
			.param("provider", providerCode)
			.query(Integer.class)
			.single();
		return format(category, providerCode, serial);
	}

	static String format(ResourceCategory category, String providerCode, int serial) {
		return "%s-%s-%06d".formatted(category.name(), providerCode, serial);
	}

}
