package org.shutong.audit.log;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shutong.platform.audit.AuditEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leaf of an event: the exact bytes hashed into the Merkle tree and kept with the
 * event. They are the event's JSON in the RFC 8785 (JCS) canonical form, without null
 * members, with {@code occurredAt} cut to microseconds (what the database keeps), so
 * anyone holding the event can rebuild the leaf byte for byte and check its hash.
 */
public final class EventLeaves {

	/** The most a leaf may hold: the size of its column. */
	public static final int MAX_BYTES = 8000;

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private EventLeaves() {
	}

	/** The event as the log keeps it: {@code occurredAt} to the microsecond. */
	public static AuditEvent normalized(AuditEvent event) {
		return new AuditEvent(event.eventId(), event.occurredAt().truncatedTo(ChronoUnit.MICROS), event.service(),
				event.action(), event.outcome(), event.actor(), event.subject(), event.resource(),
				event.serviceItemCode(), event.purpose(), event.traceId(), event.details());
	}

	/** The canonical bytes of a {@link #normalized(AuditEvent) normalized} event. */
	public static byte[] of(AuditEvent normalized) {
		return CanonicalEventWriter.write(normalized);
	}

	public static AuditEvent parse(byte[] leaf) {
		return JSON.readValue(new String(leaf, StandardCharsets.UTF_8), AuditEvent.class);
	}

}
