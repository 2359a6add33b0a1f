package org.shutong.platform.audit;

import org.springframework.test.context.TestPropertySource;

/**
 * The outbox's resubmission statements on H2 in MySQL mode.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:unacknowledged;MODE=MySQL;"
		+ "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
class UnacknowledgedPublicationsH2Tests extends UnacknowledgedPublicationsTests {

}
