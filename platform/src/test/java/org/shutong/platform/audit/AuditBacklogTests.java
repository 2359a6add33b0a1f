package org.shutong.platform.audit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backlog many times the delivery queue, as an audit-service outage leaves it: once the
 * audit log is back, one resubmission round sends all of it, pass after pass as the queue
 * empties, rather than one pass per interval (an hour here, so that only the round the
 * test starts can send it).
 */
@SpringBootTest(properties = { "spring.application.name=" + AuditLogStandIn.CLIENT_ID,
		"spring.main.web-application-type=none", "spring.flyway.locations=classpath:db/audit-outbox",
		"spring.datasource.url=jdbc:h2:mem:audit-backlog;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
				+ "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"shutong.data-dir=target/test-data", "shutong.audit.batch-size=10", "shutong.audit.queue-capacity=20",
		"shutong.audit.resubmit-interval=1h", "shutong.audit.resubmit-older-than=1h" })
class AuditBacklogTests {

	private static final AuditLogStandIn auditLog = AuditLogStandIn.shared();

	@Autowired
	private AuditPublisher publisher;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AuditResubmission resubmission;

	@DynamicPropertySource
	static void auditLog(DynamicPropertyRegistry registry) {
		auditLog.register(registry);
	}

	@Test
	void oneRoundSendsABacklogOfManyQueuesFull() {
		auditLog.reset();
		List<AuditEvent> events = IntStream.range(0, 150)
			.mapToObj((i) -> AuditOutboxTests.event("certificate.issue"))
			.toList();
		List<UUID> ids = events.stream().map(AuditEvent::eventId).toList();
		// The audit log is away while they are published: the queue takes 20 and their
		// delivery fails, the rest fail at once. All 150 wait in the database.
		auditLog.server()
			.stubFor(post(urlEqualTo(HttpAuditDelivery.EVENTS_PATH)).willReturn(aResponse().withStatus(503)));
		this.transactions.executeWithoutResult((status) -> events.forEach(this.publisher::publish));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failed()).isEqualTo(events.size()));
		// It is back: the round finds out with its first pass, and sends the rest.
		auditLog.reset();

		this.resubmission.round();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(auditLog.batchesWith(ids).stream().flatMap(List::stream)).containsAll(ids));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stored()).isZero());
	}

	private int stored() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION", Integer.class);
	}

	private int failed() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE STATUS = 'FAILED'",
				Integer.class);
	}

}
