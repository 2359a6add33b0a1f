package org.shutong.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests that run on the real MySQL-compatible server as the audit service's own database
 * user: a scratch user holding exactly the privileges {@code infra/mysql/init.sql} grants
 * {@code shutong_audit} (read from the file), on a scratch schema that the test
 * administrator rebuilds with Flyway on every run. Neither the real schema nor the real
 * user is touched, so a checkout whose migrations differ from another's (each branch adds
 * its own) never finds the other's migrations applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "shutong.audit.alerts.enabled=false", "shutong.audit.retention.archive-enabled=false" })
@ActiveProfiles("mysql")
@Import(MysqlTestSchemaConfiguration.class)
public abstract class ServiceUserMysqlTest {

	/** The scratch schema, which the scratch user may use and nothing else. */
	protected static final String SCHEMA = "shutong_audit_service_test";

	private static final String USER = "shutong_audit_service_test";

	@DynamicPropertySource
	static void serviceUserOnAScratchSchema(DynamicPropertyRegistry registry) throws IOException, SQLException {
		String address = System.getenv().getOrDefault("SHUTONG_MYSQL_ADDRESS", "127.0.0.1:3306");
		String admin = System.getenv().getOrDefault("SHUTONG_MYSQL_TEST_USER", "root");
		String adminPassword = System.getenv().getOrDefault("SHUTONG_MYSQL_TEST_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection(
				"jdbc:mysql://" + address + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", admin, adminPassword);
				Statement sql = connection.createStatement()) {
			sql.execute(
					"CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			sql.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + USER + "'");
			sql.execute("ALTER USER '" + USER + "'@'%' IDENTIFIED BY '" + USER + "'");
			sql.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM '" + USER + "'@'%'");
			sql.execute("GRANT " + serviceGrants() + " ON " + SCHEMA + ".* TO '" + USER + "'@'%'");
		}
		registry.add("spring.datasource.url",
				() -> "jdbc:mysql://" + address + "/" + SCHEMA + "?${shutong.mysql.options}");
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> USER);
		registry.add("spring.flyway.user", () -> admin);
		registry.add("spring.flyway.password", () -> adminPassword);
		registry.add("spring.flyway.clean-disabled", () -> "false");
		// The mysql profile generates no keys; the tests make theirs under target/.
		registry.add("shutong.data-dir", () -> "target/test-data");
		registry.add("shutong.keys.generate-missing", () -> "true");
	}

	/** The privileges init.sql grants the audit service's own user. */
	private static String serviceGrants() throws IOException {
		String init = Files.readString(Path.of("../infra/mysql/init.sql"));
		Matcher grant = Pattern.compile("GRANT (.+) ON shutong_audit\\.\\* TO 'shutong_audit'@'%';").matcher(init);
		if (!grant.find()) {
			throw new IllegalStateException("infra/mysql/init.sql grants the audit service's user nothing");
		}
		return grant.group(1);
	}

}
