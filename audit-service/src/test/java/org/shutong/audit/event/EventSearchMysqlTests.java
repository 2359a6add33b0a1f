package org.shutong.audit.event;

import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

// Configured as AuditMysqlTests, so both share one application context and scratch schema.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class EventSearchMysqlTests extends EventSearchContract {

}
