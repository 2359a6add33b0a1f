package org.shutong.platform.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service with a database, Spring Modulith's JDBC registry and nothing else: the audit
 * outbox as every producing service gets it.
 */
@SpringBootApplication
class OutboxFixtureApplication {

}
