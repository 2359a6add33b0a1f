package org.shutong.platform.audit;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one listener audit events are published to. Spring Modulith stores a publication
 * for it with each event, in the publishing transaction; after the commit the event goes
 * to the {@link BatchingAuditSender}, and the publication is completed only once the
 * audit log has acknowledged the batch that carried it (or marked failed, for the next
 * resubmission). Nothing waits meanwhile: the committing thread returns at once.
 */
final class AuditOutboxListener extends TransactionalApplicationListenerAdapter<PayloadApplicationEvent<AuditEvent>> {

	/**
	 * The listener's id, stored with each publication: it must never change, or stored
	 * publications would find no listener.
	 */
	static final String ID = "shutong.audit.outbox";

	static final PublicationTargetIdentifier TARGET = PublicationTargetIdentifier.of(ID);

	AuditOutboxListener(BatchingAuditSender sender, ObjectProvider<EventPublicationRegistry> registry) {
		super(new Delivery(sender, registry, SingletonSupplier.of(() -> joiningTransaction(registry.getObject()))));
		setListenerId(ID);
	}

	/**
	 * The registry without its transactional proxy, whose {@code markCompleted} starts a
	 * transaction of its own ({@code REQUIRES_NEW}) for each publication. An
	 * acknowledgement is recorded in the sender's settlement, so a batch's publications
	 * are completed with one commit rather than one each.
	 */
	private static EventPublicationRegistry joiningTransaction(EventPublicationRegistry proxied) {
		return (AopProxyUtils.getSingletonTarget(proxied) instanceof EventPublicationRegistry target) ? target
				: proxied;
	}

	private record Delivery(BatchingAuditSender sender, ObjectProvider<EventPublicationRegistry> registry,
			Supplier<EventPublicationRegistry> completing)
			implements
				ApplicationListener<PayloadApplicationEvent<AuditEvent>> {

		private static final Logger logger = LoggerFactory.getLogger(AuditOutboxListener.class);

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<AuditEvent> published) {
			AuditEvent event = published.getPayload();
			this.sender.submit(event).whenComplete((acknowledged, failure) -> {
				try {
					if (failure == null) {
						this.completing.get().markCompleted(event, TARGET);
					}
					else {
						// Its own transaction: a full queue fails the event at once, in
						// the publishing transaction's after-commit callback.
						this.registry.getObject().markFailed(event, TARGET);
					}
				}
				catch (RuntimeException ex) {
					// The publication keeps its state and is resubmitted once it is
					// stale.
					logger.warn("Could not record the delivery of audit event {}: {}", event.eventId(), ex.toString());
				}
			});
		}

	}

}
