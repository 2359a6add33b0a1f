package org.shutong.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditEvent.Subject;
import org.shutong.platform.audit.AuditEvent.SubjectKind;
import org.shutong.platform.audit.AuditOutcome;

/**
 * Audit events as the services send them, for tests.
 */
public final class AuditEvents {

	/** 市民政局, the demo civil affairs department. */
	public static final String CIVIL_AFFAIRS = "113301000024825001";

	/** A holder reference (the HMAC of some citizen's ID number). */
	public static final String CITIZEN = "3f2a6c1be0d94c7a8e5f1b2d3c4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2";

	private AuditEvents() {
	}

	/** A civil affairs system querying a citizen's marriage record. */
	public static AuditEvent query(UUID eventId, Instant occurredAt) {
		return new AuditEvent(eventId, occurredAt, "catalog-service", "exchange.query", AuditOutcome.SUCCESS,
				new Actor(CIVIL_AFFAIRS, "civil-affairs-system", null), new Subject(SubjectKind.PERSON, CITIZEN),
				"GA-00000001", "S-0001", "婚姻登记", "4bf92f3577b34da6a3ce929d0e0e4736", Map.of("rows", 1));
	}

	public static AuditEvent query() {
		return query(UUID.randomUUID(), Instant.now());
	}

}
