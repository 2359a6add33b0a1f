package org.shutong.gateway.web.auditor;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as {@code /api/audit/events} answers it; {@code leafHash} only for a
 * single event. Times stay the ISO instants the log wrote.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AuditEventView(long leafIndex, @Nullable String eventId, @Nullable String occurredAt,
		@Nullable String receivedAt, @Nullable String service, @Nullable String action, @Nullable String outcome,
		@Nullable Actor actor, @Nullable Subject subject, @Nullable String resource, @Nullable String serviceItemCode,
		@Nullable String purpose, @Nullable String traceId, @Nullable Map<String, Object> details,
		@Nullable String leafHash) {

	/** Who acted: a department's system or official, or a service. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Actor(@Nullable String departmentCode, @Nullable String clientId, @Nullable String userId) {
	}

	/** Whose data it was, by holder reference, never by ID number. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Subject(@Nullable String kind, @Nullable String reference) {
	}

	/** The official, else the system, that acted. */
	public @Nullable String actedBy() {
		if (this.actor == null) {
			return null;
		}
		return (this.actor.userId() != null) ? this.actor.userId() : this.actor.clientId();
	}

	public @Nullable String departmentCode() {
		return (this.actor != null) ? this.actor.departmentCode() : null;
	}

}
