package org.shutong.platform.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.audit.AuditPublisher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producing service's audit outbox on its own database (H2 or MySQL, as the test class
 * picks): its migration's {@code EVENT_PUBLICATION} table takes an event in the
 * transaction of the change and gives it back as Spring Modulith reads it for
 * resubmission; a rollback takes the event with it.
 */
public interface AuditOutboxContract {

	@Test
	default void storesAnAuditEventInTheTransactionOfItsChangeAndNotAfterARollback(@Autowired AuditPublisher publisher,
			@Autowired TransactionTemplate transactions, @Autowired EventPublicationRepository publications) {
		AuditEvent committed = event();
		AuditEvent rolledBack = event();
		transactions.executeWithoutResult((status) -> {
			publisher.publish(committed);
			assertThat(ids(publications)).contains(committed.eventId());
		});
		transactions.executeWithoutResult((status) -> {
			publisher.publish(rolledBack);
			assertThat(ids(publications)).contains(rolledBack.eventId());
			status.setRollbackOnly();
		});
		assertThat(ids(publications)).doesNotContain(rolledBack.eventId());
	}

	private static List<UUID> ids(EventPublicationRepository publications) {
		return publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map((event) -> ((AuditEvent) event).eventId())
			.toList();
	}

	private static AuditEvent event() {
		return new AuditEvent(UUID.randomUUID(), Instant.now(), "contract-test", "contract.test", AuditOutcome.SUCCESS,
				new AuditEvent.Actor(null, "contract-test", null), null, "contract/" + UUID.randomUUID(), null, null,
				null, Map.of("text", "审计 ".repeat(2000)));
	}

}
