package org.shutong.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

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
		super(new Delivery(sender, registry));
		setListenerId(ID);
	}

	private record Delivery(BatchingAuditSender sender, ObjectProvider<EventPublicationRegistry> registry)
			implements
				ApplicationListener<PayloadApplicationEvent<AuditEvent>> {

		private static final Logger logger = LoggerFactory.getLogger(AuditOutboxListener.class);

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<AuditEvent> published) {
			AuditEvent event = published.getPayload();
			this.sender.submit(event).whenComplete((acknowledged, failure) -> {
				try {
					if (failure == null) {
						this.registry.getObject().markCompleted(event, TARGET);
					}
					else {
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
