package org.shutong.audit.alert.web;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.alert.AlertStore.Evidence;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.SubjectKind;
import org.shutong.platform.audit.AuditOutcome;

/**
 * A short view of one event behind an alert. The subject's holder reference is left out,
 * as in the event listing; {@code GET /api/audit/leaves/{leafIndex}} has the whole event.
 *
 * @param archived whether the event was archived and purged from the table, leaving only
 * its leaf index here
 * @param rows {@code details.rows}: how many rows the access returned, if it says
 */
record EventView(long leafIndex, boolean archived, @Nullable String eventId, @Nullable Instant occurredAt,
		@Nullable String service, @Nullable String action, @Nullable AuditOutcome outcome,
		@Nullable String actorDepartment, @Nullable String actorClient, @Nullable String actorUser,
		@Nullable SubjectKind subjectKind, @Nullable String resource, @Nullable String serviceItemCode,
		@Nullable Object rows) {

	static EventView of(Evidence evidence) {
		AuditEvent event = evidence.event();
		if (event == null) {
			return new EventView(evidence.leafIndex(), true, null, null, null, null, null, null, null, null, null, null,
					null, null);
		}
		Map<String, Object> details = event.details();
		return new EventView(evidence.leafIndex(), false, event.eventId().toString(), event.occurredAt(),
				event.service(), event.action(), event.outcome(), event.actor().departmentCode(),
				event.actor().clientId(), event.actor().userId(),
				(event.subject() != null) ? event.subject().kind() : null, event.resource(), event.serviceItemCode(),
				(details != null && details.get("rows") instanceof Number rows) ? rows : null);
	}

}
