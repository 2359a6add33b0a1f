package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.EventFilter;
import org.shutong.audit.event.EventRecord;
import org.shutong.audit.event.EventSearch;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Who accessed my data" (谁查了我的数据): every event whose subject is the calling citizen,
 * newest first. A citizen sees which department did what, when, for which service item
 * and purpose, never which official or system did it. Not itself logged: it is the
 * citizen reading about themselves.
 */
@RestController
class MyDataAccessController {

	private static final Pattern HOLDER_REFERENCE = Pattern.compile("[0-9a-f]{64}");

	private final EventSearch search;

	MyDataAccessController(EventSearch search) {
		this.search = search;
	}

	/**
	 * @param parameters {@code before} (the {@code next} of the page before) and
	 * {@code limit} (1 to 500, 50 if not given)
	 */
	@GetMapping("/api/audit/mine")
	@PreAuthorize("hasRole('CITIZEN')")
	AccessPage mine(@RequestParam MultiValueMap<String, String> parameters, Caller caller) {
		String holder = caller.holder();
		if (holder == null || !HOLDER_REFERENCE.matcher(holder).matches()) {
			throw new ProblemException(PlatformProblem.FORBIDDEN,
					"This token names no holder reference, so there is no data of yours to show.");
		}
		QueryParameters query = new QueryParameters(parameters, List.of("before", "limit"));
		Long before = query.number("before", 0, Long.MAX_VALUE);
		Long limit = query.number("limit", 1, EventQuery.MAX_PAGE);
		query.requireValid();
		int size = (limit != null) ? Math.toIntExact(limit) : EventQuery.DEFAULT_PAGE;
		List<EventRecord> found = this.search.newestFirst(EventFilter.subject(holder), before, size + 1);
		List<Access> items = found.stream().limit(size).map(Access::of).toList();
		Long next = (found.size() > size) ? found.get(size - 1).leafIndex() : null;
		return new AccessPage(items, next);
	}

	record AccessPage(List<Access> items, @Nullable Long next) {
	}

	/**
	 * One access to the citizen's data.
	 *
	 * @param departmentCode the credit code of the department that acted, if a department
	 * did
	 */
	record Access(Instant occurredAt, @Nullable String departmentCode, String action, @Nullable String resource,
			@Nullable String purpose, @Nullable String serviceItemCode, AuditOutcome outcome) {

		static Access of(EventRecord logged) {
			AuditEvent event = logged.event();
			return new Access(event.occurredAt(), event.actor().departmentCode(), event.action(), event.resource(),
					event.purpose(), event.serviceItemCode(), event.outcome());
		}

	}

}
