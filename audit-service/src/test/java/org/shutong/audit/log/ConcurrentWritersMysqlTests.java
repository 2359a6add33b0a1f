package org.shutong.audit.log;

import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * On the MySQL-compatible server, where the sequencer lock is an InnoDB row lock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class ConcurrentWritersMysqlTests extends ConcurrentWritersContract {

}
