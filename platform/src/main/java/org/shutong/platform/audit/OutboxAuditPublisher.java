package org.shutong.platform.audit;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes audit events to Spring Modulith's event publication registry, which stores
 * each in the service's {@code EVENT_PUBLICATION} table within the caller's transaction.
 */
final class OutboxAuditPublisher implements AuditPublisher {

	private static final Logger logger = LoggerFactory.getLogger(OutboxAuditPublisher.class);

	private final ApplicationEventPublisher events;

	private final EventPublicationRegistry registry;

	private final Validator validator;

	OutboxAuditPublisher(ApplicationEventPublisher events, EventPublicationRegistry registry, Validator validator) {
		this.events = events;
		this.registry = registry;
		this.validator = validator;
	}

	@Override
	public void publish(AuditEvent event) {
		Objects.requireNonNull(event, "event");
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Audit event " + event.action()
					+ " published without a transaction: publish it in the transaction of the change it describes.");
		}
		Set<ConstraintViolation<AuditEvent>> violations = this.validator.validate(event);
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("Audit event " + event.action() + " is invalid: "
					+ violations.stream()
						.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
						.sorted()
						.collect(Collectors.joining(", ")));
		}
		TransactionSynchronizationManager.registerSynchronization(new ForgottenOnRollback(event, this.registry));
		this.events.publishEvent(event);
	}

	/**
	 * The registry remembers each publication in memory until it completes or fails; one
	 * whose transaction rolled back does neither, so it is let go here.
	 */
	private record ForgottenOnRollback(AuditEvent event,
			EventPublicationRegistry registry) implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				return;
			}
			try {
				this.registry.markFailed(this.event, AuditOutboxListener.TARGET);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not forget the rolled back audit event {}", this.event.eventId(), ex);
			}
		}

	}

}
