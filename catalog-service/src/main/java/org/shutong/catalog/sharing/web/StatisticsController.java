package org.shutong.catalog.sharing.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.sharing.SharingQueries;
import org.shutong.catalog.sharing.SharingService;
import org.shutong.catalog.sharing.SharingStatistics;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;
import org.shutong.platform.security.Roles;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing statistics over a period: a department sees what it provides and consumes,
 * auditors and administrators see every department's.
 */
@RestController
@PreAuthorize("denyAll")
class StatisticsController {

	/** The default period, ending now. */
	static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	/** The longest period one request covers. */
	static final Duration MAX_PERIOD = Duration.ofDays(366 * 3);

	private final SharingStatistics statistics;

	private final SharingQueries queries;

	StatisticsController(SharingStatistics statistics, SharingQueries queries) {
		this.statistics = statistics;
		this.queries = queries;
	}

	@GetMapping("/api/catalog/statistics")
	@PreAuthorize("hasAnyAuthority('SCOPE_catalog.read','SCOPE_sharing.apply','SCOPE_sharing.review')"
			+ " or hasAnyRole('DEPT_OPERATOR','AUDITOR','ADMIN')")
	Statistics statistics(Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		Instant end = (to != null) ? to : this.queries.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_PERIOD);
		List<FieldError> errors = new ArrayList<>();
		if (!start.isBefore(end)) {
			errors.add(new FieldError("from", "must be before to"));
		}
		else if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
			errors.add(new FieldError("from", "must be at most " + MAX_PERIOD.toDays() + " days before to"));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The period is invalid.", errors));
		}
		boolean all = caller.hasRole(Roles.AUDITOR) || caller.hasRole(Roles.ADMIN);
		String department = all ? null : SharingService.department(caller);
		return new Statistics(start, end, this.statistics.between(start, end, department));
	}

	record Statistics(Instant from, Instant to, List<SharingStatistics.Row> rows) {
	}

}
