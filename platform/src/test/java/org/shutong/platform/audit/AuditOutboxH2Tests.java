package org.shutong.platform.audit;

import org.springframework.test.context.TestPropertySource;

/**
 * The audit outbox on H2 in MySQL mode, as a service on the embedded default has it.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:audit-outbox;MODE=MySQL;"
		+ "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
class AuditOutboxH2Tests extends AuditOutboxTests {

}
