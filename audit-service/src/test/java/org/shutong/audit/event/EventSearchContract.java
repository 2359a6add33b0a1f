package org.shutong.audit.event;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventLeaves;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search query on whichever database the subclass picks: each filter, all together,
 * time bounds to the microsecond, and keyset paging. The database is shared with other
 * tests, so each test filters on values only it uses.
 */
abstract class EventSearchContract {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	private EventSearch search;

	@Autowired
	private AuditLog log;

	@Autowired
	private NamedParameterJdbcTemplate jdbc;

	@Test
	void findsByEachFilterAndByAllTogether() {
		String department = digits(18);
		String action = "test.a" + digits(12);
		String resource = "资源-" + UUID.randomUUID();
		String holder = holder();
		String serviceItem = "S-" + UUID.randomUUID();
		Instant at = Instant.parse("2500-01-01T00:00:00Z").plusSeconds(RANDOM.nextInt(1 << 30)).plusNanos(123_456_000);
		AuditEvent kept = AuditEvents.event()
			.department(department)
			.action(action)
			.resource(resource)
			.subject(holder)
			.serviceItem(serviceItem)
			.outcome(AuditOutcome.FAILED)
			.occurredAt(at)
			.build();
		AuditEvent other = AuditEvents.event().outcome(AuditOutcome.FAILED).occurredAt(at.plusNanos(1000)).build();
		append(List.of(kept, other));

		assertThat(ids(new EventFilter(department, null, null, null, null, null, null, null)))
			.containsExactly(id(kept));
		assertThat(ids(new EventFilter(null, action, null, null, null, null, null, null))).containsExactly(id(kept));
		assertThat(ids(new EventFilter(null, null, resource, null, null, null, null, null))).containsExactly(id(kept));
		assertThat(ids(EventFilter.subject(holder))).containsExactly(id(kept));
		assertThat(ids(new EventFilter(null, null, null, null, null, serviceItem, null, null)))
			.containsExactly(id(kept));
		assertThat(ids(new EventFilter(null, null, null, null, null, null, at, at.plusNanos(1000))))
			.containsExactly(id(kept));
		assertThat(ids(new EventFilter(null, null, null, null, null, null, at.plusNanos(1), at.plusNanos(1001))))
			.containsExactly(id(other));
		assertThat(this.search
			.newestFirst(new EventFilter(null, null, null, null, AuditOutcome.FAILED, null, null, null), null, 2))
			.extracting((found) -> found.event().eventId().toString())
			.containsExactly(id(other), id(kept));
		assertThat(ids(new EventFilter(department, action, resource, holder, AuditOutcome.FAILED, serviceItem, at,
				at.plusNanos(1))))
			.containsExactly(id(kept));
		assertThat(ids(new EventFilter(department, action, resource, holder, AuditOutcome.DENIED, serviceItem, at,
				at.plusNanos(1))))
			.isEmpty();
	}

	@Test
	void readsATimeRangeAlikeThroughEitherPlan() {
		String resource = "R-" + UUID.randomUUID();
		Instant start = Instant.parse("2600-01-01T00:00:00Z").plusSeconds(RANDOM.nextInt(1 << 30));
		// Appended out of time order, as late deliveries are.
		List<Integer> seconds = new ArrayList<>(List.of(5, 0, 11, 3, 8, 1, 9, 2, 7, 10, 4, 6));
		List<AuditEvent> events = seconds.stream()
			.map((second) -> AuditEvents.event().resource(resource).occurredAt(start.plusSeconds(second)).build())
			.toList();
		List<Long> indexes = append(events);
		List<Long> inRange = new ArrayList<>();
		for (int i = events.size() - 1; i >= 0; i--) {
			if (seconds.get(i) >= 2 && seconds.get(i) < 9) {
				inRange.add(indexes.get(i));
			}
		}
		EventFilter timeOnly = new EventFilter(null, null, null, null, null, null, start.plusSeconds(2),
				start.plusSeconds(9));
		EventFilter withResource = new EventFilter(null, null, resource, null, null, null, start.plusSeconds(2),
				start.plusSeconds(9));

		// Always sorted from the time index, and never: the same events either way.
		for (EventSearch plan : List.of(new EventSearch(this.jdbc, Integer.MAX_VALUE - 1),
				new EventSearch(this.jdbc, 0))) {
			assertThat(leafIndexes(plan.newestFirst(timeOnly, null, 100))).containsExactlyElementsOf(inRange);
			assertThat(leafIndexes(plan.newestFirst(withResource, null, 100))).containsExactlyElementsOf(inRange);
			assertThat(leafIndexes(plan.newestFirst(withResource, inRange.get(2), 3)))
				.containsExactlyElementsOf(inRange.subList(3, 6));
		}
	}

	@Test
	void readsTheEventBackAsLogged() {
		AuditEvent event = EventLeaves.normalized(AuditEvents.event().resource("R-" + UUID.randomUUID()).build());
		Instant before = Instant.now();
		long index = append(List.of(event)).get(0);

		EventRecord found = this.search.find(index).orElseThrow();
		assertThat(found.leafIndex()).isEqualTo(index);
		assertThat(found.event()).isEqualTo(event);
		assertThat(found.leaf()).isEqualTo(EventLeaves.of(event));
		assertThat(found.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(this.search.find(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void pagesByLeafIndexWithoutRepeatsOrGaps() {
		String holder = holder();
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			events.add(AuditEvents.event().subject(holder).build());
		}
		List<Long> indexes = append(events);

		List<Long> seen = new ArrayList<>();
		Long before = null;
		List<EventRecord> page;
		do {
			page = this.search.newestFirst(EventFilter.subject(holder), before, 4);
			page.forEach((found) -> seen.add(found.leafIndex()));
			before = page.isEmpty() ? null : page.get(page.size() - 1).leafIndex();
		}
		while (page.size() == 4);

		assertThat(seen).containsExactlyElementsOf(indexes.reversed());
	}

	private List<String> ids(EventFilter filter) {
		return this.search.newestFirst(filter, null, 10)
			.stream()
			.map((found) -> found.event().eventId().toString())
			.toList();
	}

	private static List<Long> leafIndexes(List<EventRecord> found) {
		return found.stream().map(EventRecord::leafIndex).toList();
	}

	private List<Long> append(List<AuditEvent> events) {
		return this.log.append(events).stream().map(Appended::leafIndex).toList();
	}

	private static String id(AuditEvent event) {
		return event.eventId().toString();
	}

	private static String holder() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		return digits.toString();
	}

}
