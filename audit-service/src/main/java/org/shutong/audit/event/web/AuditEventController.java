package org.shutong.audit.event.web;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.EventRecord;
import org.shutong.audit.event.EventSearch;
import org.shutong.audit.tree.MerkleHash;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for auditors: searched newest first, or one event by its leaf index.
 * Pages are cut by leaf index rather than by offset, so that events appended meanwhile
 * neither shift nor repeat what a reader has seen. Every read is itself logged.
 */
@RestController
class AuditEventController {

	private final EventSearch search;

	private final AuditorAccessLog accessLog;

	AuditEventController(EventSearch search, AuditorAccessLog accessLog) {
		this.search = search;
		this.accessLog = accessLog;
	}

	/**
	 * Filters {@code department}, {@code action}, {@code resource}, {@code subject},
	 * {@code outcome}, {@code serviceItem}, {@code from}, {@code to}; paging
	 * {@code before} (the {@code next} of the page before) and {@code limit}.
	 */
	@GetMapping("/api/audit/events")
	@PreAuthorize("hasRole('AUDITOR')")
	EventPage search(@RequestParam MultiValueMap<String, String> parameters, Caller caller) {
		EventQuery query = EventQuery.page(parameters);
		int limit = Math.toIntExact(query.limit());
		// One more than asked for tells whether another page follows.
		List<EventRecord> found = this.search.newestFirst(query.filter(), query.before(), limit + 1);
		List<EventView> items = found.stream().limit(limit).map(EventView::of).toList();
		Long next = (found.size() > limit) ? items.get(items.size() - 1).leafIndex() : null;
		Map<String, Object> details = query.describe("limit");
		details.put("returned", items.size());
		this.accessLog.record(caller, AuditorAccessLog.SEARCH, details);
		return new EventPage(items, next);
	}

	@GetMapping("/api/audit/events/{leafIndex}")
	@PreAuthorize("hasRole('AUDITOR')")
	OneEvent event(@PathVariable long leafIndex, Caller caller) {
		EventRecord found = this.search.find(leafIndex)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No event at leaf index " + leafIndex));
		this.accessLog.record(caller, AuditorAccessLog.VIEW, Map.of("leafIndex", leafIndex));
		return new OneEvent(EventView.of(found), Base64.getEncoder().encodeToString(MerkleHash.leaf(found.leaf())));
	}

	record EventPage(List<EventView> items, @Nullable Long next) {
	}

	/**
	 * @param leafHash base64 of the leaf's hash in the tree, to check against an
	 * inclusion proof
	 */
	record OneEvent(@JsonUnwrapped EventView event, String leafHash) {
	}

}
