package org.shutong.platform.testing;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Rebuilds a service's scratch schema from nothing, so every run proves that all
 * migrations apply to an empty MySQL-compatible database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MysqlTestSchemaConfiguration {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
