package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.EventRecord;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditEvent.Subject;
import org.shutong.platform.audit.AuditOutcome;

/**
 * An event as auditors see it: everything the event says, where it is in the log and when
 * the log received it.
 */
record EventView(long leafIndex, UUID eventId, Instant occurredAt, Instant receivedAt, String service, String action,
		AuditOutcome outcome, Actor actor, @Nullable Subject subject, @Nullable String resource,
		@Nullable String serviceItemCode, @Nullable String purpose, @Nullable String traceId,
		@Nullable Map<String, Object> details) {

	static EventView of(EventRecord logged) {
		AuditEvent event = logged.event();
		return new EventView(logged.leafIndex(), event.eventId(), event.occurredAt(), logged.receivedAt(),
				event.service(), event.action(), event.outcome(), event.actor(), event.subject(), event.resource(),
				event.serviceItemCode(), event.purpose(), event.traceId(), event.details());
	}

}
