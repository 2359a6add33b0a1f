package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.LoggedEvent;
import org.shutong.audit.event.LoggedEventRepository;
import org.shutong.platform.audit.AuditOutcome;

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

	private final LoggedEventRepository events;

	AuditEventController(LoggedEventRepository events) {
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
		List<LoggedEvent> found = (before != null)
				? this.events.findByLeafIndexLessThanOrderByLeafIndexDesc(before, oneMore)
				: this.events.findByOrderByLeafIndexDesc(oneMore);
		List<EventView> items = found.stream().limit(limit).map(EventView::of).toList();
		Long next = (found.size() > limit) ? items.get(items.size() - 1).leafIndex() : null;
		return new EventPage(items, next);
	}

	record EventPage(List<EventView> items, @Nullable Long next) {
	}

	record EventView(long leafIndex, String eventId, Instant occurredAt, String service, String action,
			AuditOutcome outcome, @Nullable String actorDepartment, @Nullable String actorClient,
			@Nullable String resource, @Nullable String serviceItemCode, @Nullable String purpose) {

		static EventView of(LoggedEvent event) {
			return new EventView(event.leafIndex(), event.eventId(), event.occurredAt(), event.service(),
					event.action(), event.outcome(), event.actorDepartment(), event.actorClient(), event.resource(),
					event.serviceItemCode(), event.purpose());
		}

	}

}
