package org.shutong.audit.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditOutcome;

/**
 * What a search of the log keeps: events matching every filter given; a filter left null
 * keeps every event.
 *
 * @param department the acting department's credit code
 * @param subject the holder reference of the person or enterprise whose data was touched
 * @param from the earliest {@code occurredAt} kept (inclusive)
 * @param to the first {@code occurredAt} no longer kept (exclusive)
 */
public record EventFilter(@Nullable String department, @Nullable String action, @Nullable String resource,
		@Nullable String subject, @Nullable AuditOutcome outcome, @Nullable String serviceItem, @Nullable Instant from,
		@Nullable Instant to) {

	/** Every event. */
	public static final EventFilter NONE = new EventFilter(null, null, null, null, null, null, null, null);

	/** The events about one person or enterprise. */
	public static EventFilter subject(String reference) {
		return new EventFilter(null, null, null, reference, null, null, null, null);
	}

}
