package org.shutong.gateway;

import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs against the MySQL-compatible server on 127.0.0.1:3306 (started by
 * {@code .ci/run}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class GatewayMysqlTests extends GatewayPersistenceContract {

}
