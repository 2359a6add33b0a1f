package org.shutong.audit.event;

import java.time.Instant;

/**
 * What an audit event says: who did what, to which resource, about whom, for which
 * service item and purpose. Subjects are referenced by keyed hashes, never by raw
 * personal data.
 */
public record EventRecord(String eventId, Instant occurredAt, String service, String action, Outcome outcome,
		Actor actor, Subject subject, String resource, String serviceItemCode, String purpose, String traceId) {

	public record Actor(String departmentCode, String clientId, String userId) {
	}

	public record Subject(String kind, String reference) {
	}

}
