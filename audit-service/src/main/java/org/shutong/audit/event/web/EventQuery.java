package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.EventFilter;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.util.MultiValueMap;

/**
 * An auditor's search as given in the query string: the filters, and where the reading
 * starts ({@code before}) and how much it takes ({@code limit} for a page, {@code max}
 * for an export).
 *
 * @param limit the page size, or for an export the most rows, if given
 */
record EventQuery(EventFilter filter, @Nullable Long before, @Nullable Long limit) {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 500;

	private static final List<String> FILTERS = List.of("department", "action", "resource", "subject", "outcome",
			"serviceItem", "from", "to");

	// The shapes the events themselves must have (AuditEvent), so that a filter that
	// could
	// never match is refused rather than answered with nothing.
	private static final Pattern DEPARTMENT = Pattern.compile("[0-9A-Z]{18}");

	private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

	private static final Pattern HOLDER_REFERENCE = Pattern.compile("[0-9a-f]{64}");

	/**
	 * A page of the search: {@code before} and {@code limit} (1 to 500, 50 if not given).
	 */
	static EventQuery page(MultiValueMap<String, String> parameters) {
		QueryParameters query = new QueryParameters(parameters, names("before", "limit"));
		EventFilter filter = filter(query);
		Long before = query.number("before", 0, Long.MAX_VALUE);
		Long limit = query.number("limit", 1, MAX_PAGE);
		query.requireValid();
		return new EventQuery(filter, before, (limit != null) ? limit : DEFAULT_PAGE);
	}

	/** An export: {@code before}, and at most {@code max} rows if given. */
	static EventQuery export(MultiValueMap<String, String> parameters) {
		QueryParameters query = new QueryParameters(parameters, names("before", "max"));
		EventFilter filter = filter(query);
		Long before = query.number("before", 0, Long.MAX_VALUE);
		Long max = query.number("max", 1, Long.MAX_VALUE);
		query.requireValid();
		return new EventQuery(filter, before, max);
	}

	/** What the auditor asked for, as the audit log records it. */
	Map<String, Object> describe(String limitName) {
		Map<String, Object> described = new LinkedHashMap<>();
		put(described, "department", this.filter.department());
		put(described, "action", this.filter.action());
		put(described, "resource", this.filter.resource());
		put(described, "subject", this.filter.subject());
		put(described, "outcome", (this.filter.outcome() != null) ? this.filter.outcome().name() : null);
		put(described, "serviceItem", this.filter.serviceItem());
		put(described, "from", (this.filter.from() != null) ? this.filter.from().toString() : null);
		put(described, "to", (this.filter.to() != null) ? this.filter.to().toString() : null);
		put(described, "before", this.before);
		put(described, limitName, this.limit);
		return described;
	}

	private static EventFilter filter(QueryParameters query) {
		String department = query.text("department", DEPARTMENT,
				"must be a department's unified social credit code (18 digits or capital letters)");
		String action = query.text("action", ACTION, "must be an action such as exchange.query");
		String resource = query.text("resource", Pattern.compile("(?s).{1,200}"), "must be at most 200 characters");
		String subject = query.text("subject", HOLDER_REFERENCE,
				"must be a holder reference (64 lower-case hex digits)");
		AuditOutcome outcome = query.constant("outcome", AuditOutcome.class);
		String serviceItem = query.text("serviceItem", Pattern.compile("(?s).{1,64}"), "must be at most 64 characters");
		Instant from = query.instant("from");
		Instant to = query.instant("to");
		if (from != null && to != null && from.isAfter(to)) {
			query.reject("from", "must not be after to");
		}
		return new EventFilter(department, action, resource, subject, outcome, serviceItem, from, to);
	}

	private static List<String> names(String... paging) {
		return Stream.concat(FILTERS.stream(), Arrays.stream(paging)).toList();
	}

	private static void put(Map<String, Object> described, String name, @Nullable Object value) {
		if (value != null) {
			described.put(name, value);
		}
	}

}
