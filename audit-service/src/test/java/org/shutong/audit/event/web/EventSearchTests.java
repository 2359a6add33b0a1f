package org.shutong.audit.event.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shutong.audit.AuditApiTestBase;
import org.shutong.audit.AuditEvents;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' search, {@code GET /api/audit/events}: each filter alone and all
 * together, the time bounds to the microsecond, keyset paging, and every bad filter.
 */
class EventSearchTests extends AuditApiTestBase {

	@Test
	void filtersByDepartment() {
		String department = freshDepartment();
		AuditEvent kept = append(AuditEvents.event().department(department));
		append(AuditEvents.event().department(freshDepartment()));
		assertThat(eventIds("department=" + department)).containsExactly(id(kept));
	}

	@Test
	void filtersByAction() {
		String action = freshAction();
		AuditEvent kept = append(AuditEvents.event().action(action));
		append(AuditEvents.event().action(freshAction()));
		assertThat(eventIds("action=" + action)).containsExactly(id(kept));
	}

	@Test
	void filtersByResource() {
		String resource = unique("资源-");
		AuditEvent kept = append(AuditEvents.event().resource(resource));
		append(AuditEvents.event().resource(unique("资源-")));
		assertThat(eventIds("resource=" + encode(resource))).containsExactly(id(kept));
	}

	@Test
	void filtersBySubject() {
		String holder = freshHolder();
		AuditEvent kept = append(AuditEvents.event().subject(holder));
		append(AuditEvents.event().subject(freshHolder()));
		append(AuditEvents.event().subject(null));
		assertThat(eventIds("subject=" + holder)).containsExactly(id(kept));
	}

	@Test
	void filtersByServiceItem() {
		String serviceItem = unique("S-");
		AuditEvent kept = append(AuditEvents.event().serviceItem(serviceItem));
		append(AuditEvents.event().serviceItem(unique("S-")));
		assertThat(eventIds("serviceItem=" + serviceItem)).containsExactly(id(kept));
	}

	@Test
	void filtersByOutcome() {
		AuditEvent denied = append(AuditEvents.event().outcome(AuditOutcome.DENIED));
		AuditEvent failed = append(AuditEvents.event().outcome(AuditOutcome.FAILED));
		MvcTestResult result = search("outcome=DENIED&limit=500");
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].outcome")
			.asArray()
			.isNotEmpty()
			.containsOnly("DENIED");
		assertThat(eventIds(result)).contains(id(denied)).doesNotContain(id(failed));
	}

	@Test
	void keepsEventsFromTheFromInstantOn() {
		Instant from = freshTime();
		AuditEvent before = append(AuditEvents.event().occurredAt(from.minusNanos(1000)));
		AuditEvent at = append(AuditEvents.event().occurredAt(from));
		AuditEvent after = append(AuditEvents.event().occurredAt(from.plusSeconds(1)));
		MvcTestResult result = search("from=" + from + "&limit=500");
		assertThat(occurredAts(result)).allSatisfy((occurredAt) -> assertThat(occurredAt).isAfterOrEqualTo(from));
		assertThat(eventIds(result)).contains(id(at), id(after)).doesNotContain(id(before));
	}

	@Test
	void keepsEventsBeforeTheToInstant() {
		Instant to = freshTime();
		AuditEvent before = append(AuditEvents.event().occurredAt(to.minusNanos(1000)));
		AuditEvent at = append(AuditEvents.event().occurredAt(to));
		AuditEvent after = append(AuditEvents.event().occurredAt(to.plusSeconds(1)));
		MvcTestResult result = search("to=" + to + "&limit=500");
		assertThat(occurredAts(result)).allSatisfy((occurredAt) -> assertThat(occurredAt).isBefore(to));
		assertThat(eventIds(result)).contains(id(before)).doesNotContain(id(at), id(after));
	}

	@Test
	void comparesTimesToTheNanosecondAsGiven() {
		String resource = unique("R-");
		Instant at = freshTime();
		AuditEvent event = append(AuditEvents.event().resource(resource).occurredAt(at));
		String filter = "resource=" + resource;
		assertThat(eventIds(filter + "&from=" + at.minusNanos(1) + "&to=" + at.plusNanos(1)))
			.containsExactly(id(event));
		assertThat(eventIds(filter + "&from=" + at.plusNanos(1))).isEmpty();
		assertThat(eventIds(filter + "&to=" + at)).isEmpty();
		assertThat(eventIds(filter + "&from=" + at + "&to=" + at)).isEmpty();
	}

	@Test
	void takesInstantsWithAnOffset() {
		String resource = unique("R-");
		Instant at = freshTime();
		AuditEvent event = append(AuditEvents.event().resource(resource).occurredAt(at));
		String beijing = encode(at.atOffset(ZoneOffset.ofHours(8)).toString());
		String later = encode(at.plusSeconds(1).atOffset(ZoneOffset.ofHours(8)).toString());
		assertThat(beijing).contains("%2B08%3A00");
		assertThat(eventIds("resource=" + resource + "&from=" + beijing + "&to=" + later)).containsExactly(id(event));
	}

	@Test
	void keepsOnlyEventsMatchingEveryFilter() {
		String department = freshDepartment();
		String action = freshAction();
		String resource = unique("R-");
		String holder = freshHolder();
		String serviceItem = unique("S-");
		Instant from = freshTime();
		Instant to = from.plusSeconds(60);
		AuditEvent kept = append(matching(department, action, resource, holder, serviceItem, from));
		// Each of these differs from the kept one in one thing only.
		append(matching(freshDepartment(), action, resource, holder, serviceItem, from));
		append(matching(department, freshAction(), resource, holder, serviceItem, from));
		append(matching(department, action, unique("R-"), holder, serviceItem, from));
		append(matching(department, action, resource, freshHolder(), serviceItem, from));
		append(matching(department, action, resource, holder, unique("S-"), from));
		append(matching(department, action, resource, holder, serviceItem, from).outcome(AuditOutcome.SUCCESS));
		append(matching(department, action, resource, holder, serviceItem, from.minusNanos(1000)));
		append(matching(department, action, resource, holder, serviceItem, to));
		String all = "department=" + department + "&action=" + action + "&resource=" + resource + "&subject=" + holder
				+ "&outcome=DENIED&serviceItem=" + serviceItem + "&from=" + from + "&to=" + to;
		assertThat(eventIds(all)).containsExactly(id(kept));
		// Leaving out a filter keeps the one event that only it excluded.
		assertThat(eventIds(all.replace("&outcome=DENIED", ""))).hasSize(2).contains(id(kept));
	}

	@Test
	void pagesThroughEveryMatchOnceNewestFirst() {
		String resource = unique("R-");
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			events.add(AuditEvents.event().resource(resource).build());
		}
		append(events);
		List<String> expected = new ArrayList<>(events.stream().map(EventSearchTests::id).toList()).reversed();

		List<String> seen = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String next = null;
		do {
			MvcTestResult page = search(
					"resource=" + resource + "&limit=7" + ((next != null) ? "&before=" + next : ""));
			List<String> ids = eventIds(page);
			seen.addAll(ids);
			pageSizes.add(ids.size());
			next = json(page, "$.next");
			// Appended meanwhile: newer than every page, so never in one.
			append(AuditEvents.event().resource(resource));
		}
		while (next != null);

		assertThat(pageSizes).containsExactly(7, 7, 7, 4);
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFilters")
	void refusesABadFilterNamingIt(String query, String field) {
		MvcTestResult result = search(query);
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().isNotBlank();
	}

	@Test
	void listsEveryBadFilterAtOnce() {
		MvcTestResult result = search("outcome=MAYBE&subject=abc&from=yesterday&limit=0&colour=red");
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("colour", "subject", "outcome", "from", "limit");
	}

	@Test
	void takesAnEmptyFilterAsNotGiven() {
		String resource = unique("R-");
		AuditEvent event = append(AuditEvents.event().resource(resource));
		assertThat(eventIds("resource=" + resource + "&department=&outcome=&from=")).containsExactly(id(event));
	}

	static Stream<Arguments> badFilters() {
		return Stream.of(Arguments.of("outcome=MAYBE", "outcome"), Arguments.of("outcome=denied", "outcome"),
				Arguments.of("from=yesterday", "from"), Arguments.of("to=2026-13-01T00:00:00Z", "to"),
				Arguments.of("from=2026-11-23", "from"), Arguments.of("from=%2B10000-01-01T00:00:00Z", "from"),
				Arguments.of("from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", "from"),
				Arguments.of("subject=abc", "subject"), Arguments.of("subject=" + "g".repeat(64), "subject"),
				Arguments.of("subject=" + "A".repeat(64), "subject"),
				Arguments.of("subject=" + "a".repeat(65), "subject"),
				Arguments.of("department=11330100002482500", "department"),
				Arguments.of("department=113301000024825001X", "department"),
				Arguments.of("action=Exchange%20Query", "action"),
				Arguments.of("resource=" + "r".repeat(201), "resource"),
				Arguments.of("serviceItem=" + "s".repeat(65), "serviceItem"),
				Arguments.of("departement=113301000024825001", "departement"),
				Arguments.of("action=exchange.query&action=audit.search", "action"));
	}

	private static AuditEvents.Builder matching(String department, String action, String resource, String holder,
			String serviceItem, Instant occurredAt) {
		return AuditEvents.event()
			.department(department)
			.action(action)
			.resource(resource)
			.subject(holder)
			.serviceItem(serviceItem)
			.outcome(AuditOutcome.DENIED)
			.occurredAt(occurredAt);
	}

	private AuditEvent append(AuditEvents.Builder builder) {
		AuditEvent event = builder.build();
		append(event);
		return event;
	}

	private MvcTestResult search(String query) {
		return get("/api/audit/events?" + query, auditor());
	}

	private List<String> eventIds(String query) {
		MvcTestResult result = search(query);
		assertThat(result).hasStatusOk();
		return eventIds(result);
	}

	private static List<String> eventIds(MvcTestResult result) {
		return json(result, "$.items[*].eventId");
	}

	private static List<Instant> occurredAts(MvcTestResult result) {
		List<String> times = json(result, "$.items[*].occurredAt");
		return times.stream().map(Instant::parse).toList();
	}

	static String id(AuditEvent event) {
		return event.eventId().toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static <T> T json(MvcTestResult result, String path) {
		Object value = JsonPath.read(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8),
				path);
		if (value instanceof Number number) {
			@SuppressWarnings("unchecked")
			T text = (T) number.toString();
			return text;
		}
		@SuppressWarnings("unchecked")
		T typed = (T) value;
		return typed;
	}

}
