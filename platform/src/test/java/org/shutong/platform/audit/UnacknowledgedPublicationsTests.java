package org.shutong.platform.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's own statements for what is to be sent again, on the database the subclass
 * picks: lost publications marked failed, failed ones read oldest first from where the
 * last read ended, each claimed by one instance only, and a round that sends past what it
 * cannot read. No round runs but the ones a test starts.
 */
@SpringBootTest(properties = { "spring.application.name=" + AuditLogStandIn.CLIENT_ID,
		"spring.main.web-application-type=none", "spring.flyway.locations=classpath:db/audit-outbox",
		"shutong.data-dir=target/test-data", "shutong.audit.batch-size=10", "shutong.audit.resubmit-interval=1h",
		"shutong.audit.resubmit-older-than=2m" })
abstract class UnacknowledgedPublicationsTests {

	private static final AuditLogStandIn auditLog = AuditLogStandIn.shared();

	@Autowired
	UnacknowledgedPublications unacknowledged;

	@Autowired
	AuditResubmission resubmission;

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void auditLog(DynamicPropertyRegistry registry) {
		auditLog.register(registry);
	}

	@BeforeEach
	@AfterEach
	void empty() {
		auditLog.reset();
		this.jdbc.update("DELETE FROM EVENT_PUBLICATION");
	}

	@Test
	void publicationsNeitherAcknowledgedNorFailedInTimeAreMarkedFailed() {
		Instant now = Instant.now();
		AuditEvent lost = store(now.minus(Duration.ofMinutes(5)), "PUBLISHED");
		AuditEvent processingLost = store(now.minus(Duration.ofMinutes(5)), "PROCESSING");
		AuditEvent recent = store(now.minusSeconds(10), "PUBLISHED");
		AuditEvent resubmittedLongAgo = store(now.minus(Duration.ofHours(1)), "RESUBMITTED");
		resubmittedAt(resubmittedLongAgo, now.minus(Duration.ofMinutes(5)));
		AuditEvent resubmittedJustNow = store(now.minus(Duration.ofHours(1)), "RESUBMITTED");
		resubmittedAt(resubmittedJustNow, now.minusSeconds(10));

		int marked = this.unacknowledged.markLost(now.minus(Duration.ofMinutes(2)));

		assertThat(marked).isEqualTo(3);
		assertThat(List.of(lost, processingLost, resubmittedLongAgo))
			.allSatisfy((event) -> assertThat(status(event)).isEqualTo("FAILED"));
		assertThat(status(recent)).isEqualTo("PUBLISHED");
		assertThat(status(resubmittedJustNow)).isEqualTo("RESUBMITTED");
	}

	@Test
	void failedPublicationsAreReadOldestFirstAndOnFromWhereTheLastReadEnded() {
		Instant second = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		// Five published in the same second, as a batch's are, and two later.
		List<AuditEvent> events = IntStream.range(0, 7)
			.mapToObj((i) -> store(second.plusSeconds(Math.max(0, i - 4)), "FAILED"))
			.toList();
		store(second.minusSeconds(1), "PUBLISHED");

		List<UnacknowledgedPublications.Failed> first = this.unacknowledged.oldest(null, 3);
		List<UnacknowledgedPublications.Failed> second3 = this.unacknowledged.oldest(first.get(2), 3);
		List<UnacknowledgedPublications.Failed> rest = this.unacknowledged.oldest(second3.get(2), 3);

		List<UUID> read = java.util.stream.Stream.of(first, second3, rest)
			.flatMap(List::stream)
			.map((failed) -> failed.event().eventId())
			.toList();
		assertThat(read).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(eventIds(events));
		assertThat(read.subList(5, 7)).containsExactly(events.get(5).eventId(), events.get(6).eventId());
		assertThat(rest).hasSize(1);
	}

	@Test
	void aPublicationIsClaimedOnceWhoeverAsks() {
		List<AuditEvent> events = IntStream.range(0, 4)
			.mapToObj((i) -> store(Instant.now().minusSeconds(60), "FAILED"))
			.toList();
		List<UnacknowledgedPublications.Failed> read = this.unacknowledged.oldest(null, 10);
		// Another instance was first to one of them.
		this.jdbc.update("UPDATE EVENT_PUBLICATION SET STATUS = 'RESUBMITTED' WHERE SERIALIZED_EVENT LIKE ?",
				"%" + events.get(1).eventId() + "%");

		List<UnacknowledgedPublications.Failed> claimed = this.unacknowledged.claim(read, Instant.now());
		List<UnacknowledgedPublications.Failed> again = this.unacknowledged.claim(read, Instant.now());

		assertThat(claimed).extracting((failed) -> failed.event().eventId())
			.containsExactlyInAnyOrder(events.get(0).eventId(), events.get(2).eventId(), events.get(3).eventId());
		assertThat(again).isEmpty();
		assertThat(events).allSatisfy((event) -> assertThat(status(event)).isEqualTo("RESUBMITTED"));
		assertThat(this.jdbc.queryForList("SELECT COMPLETION_ATTEMPTS FROM EVENT_PUBLICATION", Integer.class))
			.containsExactlyInAnyOrder(1, 2, 2, 2);
	}

	@Test
	void aRoundSendsEveryFailedPublicationItCanReadAndLeavesTheOneItCannot() {
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
		List<AuditEvent> before = IntStream.range(0, 12).mapToObj((i) -> store(hourAgo, "FAILED")).toList();
		// Written by a version whose events this one cannot read, in the middle of the
		// backlog.
		this.transactions.executeWithoutResult((status) -> this.jdbc.update(
				"UPDATE EVENT_PUBLICATION SET SERIALIZED_EVENT = '{\"eventId\":7}' WHERE SERIALIZED_EVENT LIKE ?",
				"%" + before.get(5).eventId() + "%"));
		List<AuditEvent> after = IntStream.range(0, 15)
			.mapToObj((i) -> store(hourAgo.plusSeconds(1), "FAILED"))
			.toList();
		List<UUID> readable = java.util.stream.Stream.concat(before.stream(), after.stream())
			.filter((event) -> event != before.get(5))
			.map(AuditEvent::eventId)
			.toList();

		this.resubmission.round();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(auditLog.batchesWith(readable).stream().flatMap(List::stream))
				.containsAll(readable));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> assertThat(this.jdbc.queryForList("SELECT STATUS FROM EVENT_PUBLICATION", String.class))
						.containsExactly("FAILED"));
	}

	AuditEvent store(Instant publishedAt, String status) {
		AuditEvent event = AuditOutboxTests.event("certificate.issue");
		this.transactions.executeWithoutResult((transaction) -> this.publications
			.create(TargetEventPublication.of(event, AuditOutboxListener.TARGET, publishedAt)));
		this.jdbc.update("UPDATE EVENT_PUBLICATION SET STATUS = ? WHERE SERIALIZED_EVENT LIKE ?", status,
				"%" + event.eventId() + "%");
		return event;
	}

	private void resubmittedAt(AuditEvent event, Instant at) {
		this.jdbc.update("UPDATE EVENT_PUBLICATION SET LAST_RESUBMISSION_DATE = ? WHERE SERIALIZED_EVENT LIKE ?",
				java.sql.Timestamp.from(at), "%" + event.eventId() + "%");
	}

	String status(AuditEvent event) {
		return this.jdbc.queryForObject("SELECT STATUS FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
				String.class, "%" + event.eventId() + "%");
	}

	private static List<UUID> eventIds(List<AuditEvent> events) {
		return events.stream().map(AuditEvent::eventId).toList();
	}

}
