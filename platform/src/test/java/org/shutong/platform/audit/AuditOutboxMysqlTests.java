package org.shutong.platform.audit;

import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit outbox on the MySQL-compatible server on 127.0.0.1:3306 (scratch schema
 * {@code shutong_platform_test}, rebuilt on every run): Spring Modulith's statements for
 * storing, resubmitting and completing publications against the migration's table.
 */
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
@TestPropertySource(properties = "shutong.schema=shutong_platform")
class AuditOutboxMysqlTests extends AuditOutboxTests {

}
