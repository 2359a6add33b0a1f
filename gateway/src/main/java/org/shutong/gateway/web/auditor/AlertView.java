package org.shutong.gateway.web.auditor;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A flow-risk alert as {@code /api/audit/alerts} answers it, with the first of the events
 * behind it (never their holder references).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AlertView(long id, @Nullable String rule, @Nullable String status, @Nullable String department,
		@Nullable String windowStart, @Nullable String windowEnd, @Nullable String summary, @Nullable String raisedAt,
		@Nullable Acknowledgement acknowledgement, long eventCount, @Nullable List<Event> events,
		@Nullable Long nextEventsAfter) {

	public List<Event> shownEvents() {
		return (this.events != null) ? this.events : List.of();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Acknowledgement(@Nullable String acknowledgedBy, @Nullable String acknowledgedAt, @Nullable String note) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Event(long leafIndex, boolean archived, @Nullable String occurredAt, @Nullable String action,
			@Nullable String outcome, @Nullable String actorDepartment, @Nullable String actorClient,
			@Nullable String actorUser, @Nullable String serviceItemCode) {

		public @Nullable String actedBy() {
			return (this.actorUser != null) ? this.actorUser : this.actorClient;
		}

	}

}
