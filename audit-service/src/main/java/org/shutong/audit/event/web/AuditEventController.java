package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.AuditEvent;
import org.shutong.audit.event.AuditEventRepository;
import org.shutong.audit.event.EventRecord;
import org.shutong.audit.event.Outcome;

import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for auditors, newest first. Pages are cut by leaf index rather than by
 * offset, so that events appended meanwhile neither shift nor repeat what a reader has
 * seen.
 */
@RestController
class AuditEventController {

	private final AuditEventRepository events;

	AuditEventController(AuditEventRepository events) {
		this.events = events;
	}

	/**
	 * @param before only events with a smaller leaf index: the {@code next} of the page
	 * before
	 */
	@GetMapping("/api/audit/events")
	@PreAuthorize("hasRole('AUDITOR')")
	EventPage list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(required = false) @Min(0) @Nullable Long before) {
		// One more than asked for tells whether another page follows.
		Limit oneMore = Limit.of(limit + 1);
		List<AuditEvent> found = (before != null)
				? this.events.findByLeafIndexLessThanOrderByLeafIndexDesc(before, oneMore)
				: this.events.findByOrderByLeafIndexDesc(oneMore);
		List<EventView> items = found.stream().limit(limit).map(EventView::of).toList();
		Long next = (found.size() > limit) ? items.get(items.size() - 1).leafIndex() : null;
		return new EventPage(items, next);
	}

	record EventPage(List<EventView> items, @Nullable Long next) {
	}

	record EventView(long leafIndex, String eventId, Instant occurredAt, String service, String action, Outcome outcome,
			@Nullable String actorDepartment, @Nullable String actorClient, @Nullable String resource,
			@Nullable String serviceItemCode, @Nullable String purpose) {

		static EventView of(AuditEvent event) {
			EventRecord record = event.record();
			return new EventView(event.leafIndex(), record.eventId(), record.occurredAt(), record.service(),
					record.action(), record.outcome(), record.actor().departmentCode(), record.actor().clientId(),
					record.resource(), record.serviceItemCode(), record.purpose());
		}

	}

}
