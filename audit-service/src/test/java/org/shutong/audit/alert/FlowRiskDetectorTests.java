package org.shutong.audit.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.shutong.audit.AccessEvents;
import org.shutong.audit.AlertTestContext;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule raises an alert on the accesses that should trigger it, and only on those;
 * times are explicit instants in Beijing time (Monday 2026-11-23 unless said).
 */
class FlowRiskDetectorTests extends AlertTestContext {

	private static final Instant MONDAY_MORNING = at("2026-11-23T10:15:00+08:00");

	private static final Instant MONDAY_EVENING = at("2026-11-23T19:05:00+08:00");

	@Autowired
	private AuditLog log;

	@Autowired
	private FlowRiskDetector detector;

	@Autowired
	private AlertStore alerts;

	@Autowired
	private AlertSettings settings;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private final String department = AccessEvents.newDepartment();

	@Nested
	class OffHours {

		@Test
		void raisesAnAlertForAnAccessAfterWorkingHours() {
			long evening = append(AccessEvents.by(department, MONDAY_EVENING).event());
			long morning = append(AccessEvents.by(department, MONDAY_MORNING).event());
			detector.scan();

			Alert alert = only(AlertRule.OFF_HOURS);
			assertThat(alert.windowStart()).isEqualTo(at("2026-11-23T19:00:00+08:00"));
			assertThat(alert.windowEnd()).isEqualTo(at("2026-11-23T20:00:00+08:00"));
			assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
			assertThat(alert.summary()).contains(department).contains("outside working hours");
			assertThat(evidence(alert)).containsExactly(evening);
			assertThat(rulesRaisedBy(morning)).isEmpty();
		}

		@Test
		void raisesNothingFromHalfPastEightToJustBeforeSixOnAWeekday() {
			List<Long> leaves = appendAll(List.of(AccessEvents.by(department, at("2026-11-23T08:30:00+08:00")).event(),
					AccessEvents.by(department, at("2026-11-24T12:00:00+08:00")).event(),
					AccessEvents.by(department, at("2026-11-27T17:59:59.999999+08:00")).event()));
			detector.scan();

			assertThat(alertsOf(department)).isEmpty();
			leaves.forEach((leaf) -> assertThat(rulesRaisedBy(leaf)).isEmpty());
		}

		@Test
		void raisesAnAlertPerHourBeforeHalfPastEightAtSixAndAtTheWeekend() {
			appendAll(List.of(AccessEvents.by(department, at("2026-11-23T08:29:59+08:00")).event(),
					AccessEvents.by(department, at("2026-11-23T18:00:00+08:00")).event(),
					AccessEvents.by(department, at("2026-11-28T10:00:00+08:00")).event(),
					AccessEvents.by(department, at("2026-11-28T10:59:00+08:00")).event()));
			detector.scan();

			assertThat(alertsOf(department)).extracting(Alert::rule, Alert::windowStart)
				.containsExactlyInAnyOrder(tuple(AlertRule.OFF_HOURS, at("2026-11-23T08:00:00+08:00")),
						tuple(AlertRule.OFF_HOURS, at("2026-11-23T18:00:00+08:00")),
						tuple(AlertRule.OFF_HOURS, at("2026-11-28T10:00:00+08:00")));
		}

	}

	@Nested
	class NoServiceItem {

		@Test
		void raisesAnAlertForAnAccessNamingNoServiceItem() {
			long none = append(AccessEvents.by(department, MONDAY_MORNING).serviceItem(null).event());
			long blank = append(AccessEvents.by(department, MONDAY_MORNING).serviceItem(" ").event());
			long named = append(AccessEvents.by(department, MONDAY_MORNING).event());
			detector.scan();

			Alert alert = only(AlertRule.NO_SERVICE_ITEM);
			assertThat(alert.windowStart()).isEqualTo(at("2026-11-23T10:00:00+08:00"));
			assertThat(evidence(alert)).containsExactly(none, blank);
			assertThat(rulesRaisedBy(named)).isEmpty();
		}

		@Test
		void leavesEventsThatAreNoAccessAlone() {
			long created = append(AccessEvents.by(department, MONDAY_MORNING)
				.action("catalog.resource.create")
				.noSubject()
				.serviceItem(null)
				.event());
			long read = append(AccessEvents.by(null, MONDAY_EVENING)
				.action("catalog.resource.read")
				.noSubject()
				.serviceItem(null)
				.event());
			detector.scan();

			assertThat(alertsOf(department)).isEmpty();
			assertThat(rulesRaisedBy(created)).isEmpty();
			assertThat(rulesRaisedBy(read)).isEmpty();
		}

		@Test
		void countsAnAccessActionWithoutADepartment() {
			long fetched = append(AccessEvents.by(null, MONDAY_MORNING)
				.action("certificate.fetch")
				.noSubject()
				.serviceItem(null)
				.event());
			detector.scan();

			assertThat(rulesRaisedBy(fetched)).containsExactly(AlertRule.NO_SERVICE_ITEM);
		}

	}

	@Nested
	class BulkPersonalRead {

		@Test
		void raisesAnAlertForOneAccessReturningManyRowsOfPersonalData() {
			long hundred = append(AccessEvents.by(department, MONDAY_MORNING).rows(100).event());
			long bulk = append(AccessEvents.by(department, MONDAY_MORNING).noSubject().rows(5000).event());
			long fewer = append(AccessEvents.by(department, MONDAY_MORNING).rows(99).event());
			long enterprises = append(
					AccessEvents.by(department, MONDAY_MORNING).enterprise(AccessEvents.person(1)).rows(5000).event());
			detector.scan();

			Alert alert = only(AlertRule.BULK_PERSONAL_READ);
			assertThat(alert.summary()).contains("5000 rows at most");
			assertThat(evidence(alert)).containsExactly(hundred, bulk);
			assertThat(rulesRaisedBy(fewer)).isEmpty();
			assertThat(rulesRaisedBy(enterprises)).isEmpty();
		}

		@Test
		void raisesAnAlertWhenADepartmentReadsManyDistinctPersonsInTenMinutes() {
			int persons = settings.bulkRead().distinctPersons();
			Instant window = at("2026-11-23T10:10:00+08:00");
			List<AuditEvent> reads = new ArrayList<>();
			IntStream.range(0, persons - 1)
				.forEach((i) -> reads
					.add(AccessEvents.by(department, window.plusSeconds(i)).person(AccessEvents.person(i)).event()));
			// Repeats, a refused read and one just outside the window add no person.
			reads.add(AccessEvents.by(department, window.plusSeconds(100)).person(AccessEvents.person(0)).event());
			reads.add(AccessEvents.by(department, window.plusSeconds(101))
				.person(AccessEvents.person(persons))
				.outcome(AuditOutcome.DENIED)
				.event());
			reads.add(AccessEvents.by(department, window.minusSeconds(1))
				.person(AccessEvents.person(persons + 1))
				.event());
			List<Long> first = appendAll(reads);
			detector.scan();
			assertThat(alertsOf(department)).extracting(Alert::rule).doesNotContain(AlertRule.BULK_PERSONAL_READ);

			long last = append(AccessEvents.by(department, window.plusSeconds(599))
				.person(AccessEvents.person(persons + 2))
				.event());
			detector.scan();

			// The 52 accesses in the hour also make a volume spike.
			Alert alert = onlyOf(AlertRule.BULK_PERSONAL_READ);
			assertThat(alert.windowStart()).isEqualTo(window);
			assertThat(alert.windowEnd()).isEqualTo(window.plus(Duration.ofMinutes(10)));
			assertThat(alert.summary()).contains(persons + " distinct persons");
			List<Long> expected = new ArrayList<>(first.subList(0, persons));
			expected.add(last);
			assertThat(evidence(alert)).containsExactlyElementsOf(expected);
		}

	}

	@Nested
	class VolumeSpike {

		@Test
		void raisesAnAlertAtTheFloorWhenTheDepartmentWasQuietBefore() {
			int floor = settings.volume().floor();
			List<Long> below = appendAll(accesses(department, MONDAY_MORNING, floor - 1));
			detector.scan();
			assertThat(alertsOf(department)).isEmpty();

			long reaching = append(AccessEvents.by(department, MONDAY_MORNING).event());
			detector.scan();

			Alert alert = only(AlertRule.VOLUME_SPIKE);
			assertThat(alert.windowStart()).isEqualTo(at("2026-11-23T10:00:00+08:00"));
			List<Long> expected = new ArrayList<>(below);
			expected.add(reaching);
			assertThat(evidence(alert)).containsExactlyElementsOf(expected);
			assertThat(alert.summary()).contains(floor + " accesses");
		}

		@Test
		void raisesAnAlertOnlyAboveThreeTimesTheHourlyAverageOfTheWeekBefore() {
			// 3,360 accesses three days before: 20 an hour on average over 7 days.
			appendAll(accesses(department, MONDAY_MORNING.minus(Duration.ofDays(3)), 3360));
			Instant hour = at("2026-11-23T10:00:00+08:00");
			appendAll(accesses(department, MONDAY_MORNING, 60));
			detector.scan();
			assertThat(alertsOf(department)).extracting(Alert::windowStart).doesNotContain(hour);

			long above = append(AccessEvents.by(department, MONDAY_MORNING).event());
			detector.scan();

			Alert alert = alertsOf(department).stream()
				.filter((candidate) -> candidate.windowStart().equals(hour))
				.findFirst()
				.orElseThrow();
			assertThat(alert.rule()).isEqualTo(AlertRule.VOLUME_SPIKE);
			assertThat(alert.summary()).contains("61 accesses").contains("average of 20.00");
			assertThat(evidence(alert)).hasSize(61).contains(above);
		}

		@Test
		void raisesOneAlertPerDepartmentAndHourWhileTheSpikeGoesOn() {
			appendAll(accesses(department, MONDAY_MORNING, 60));
			detector.scan();
			List<Long> more = appendAll(accesses(department, MONDAY_MORNING.plusSeconds(600), 10));
			detector.scan();
			appendAll(accesses(department, MONDAY_MORNING.plus(Duration.ofHours(1)), 55));
			detector.scan();

			assertThat(alertsOf(department)).extracting(Alert::rule, Alert::windowStart)
				.containsExactlyInAnyOrder(tuple(AlertRule.VOLUME_SPIKE, at("2026-11-23T10:00:00+08:00")),
						tuple(AlertRule.VOLUME_SPIKE, at("2026-11-23T11:00:00+08:00")));
			Alert first = alertsOf(department).get(1);
			assertThat(evidence(first)).hasSize(70).containsAll(more);
		}

		@Test
		void countsOnlyAccesses() {
			appendAll(IntStream.range(0, 80)
				.mapToObj((i) -> AccessEvents.by(department, MONDAY_MORNING)
					.action("catalog.resource.update")
					.noSubject()
					.event())
				.toList());
			detector.scan();

			assertThat(alertsOf(department)).isEmpty();
		}

	}

	@Nested
	class Resuming {

		@Test
		void extendsTheAlertOfAWindowInsteadOfRaisingItAgain() {
			long first = append(AccessEvents.by(department, MONDAY_EVENING).event());
			detector.scan();
			long second = append(AccessEvents.by(department, MONDAY_EVENING.plusSeconds(60)).event());
			detector.scan();

			Alert alert = only(AlertRule.OFF_HOURS);
			assertThat(evidence(alert)).containsExactly(first, second);
		}

		@Test
		void anotherDetectorResumesAfterTheLastLeafScanned() {
			append(AccessEvents.by(department, MONDAY_EVENING).event());
			detector.scan();
			List<Alert> before = alertsOf(department);

			newDetector().scan();

			assertThat(alertsOf(department)).isEqualTo(before);
			assertThat(evidence(before.get(0))).hasSize(1);
		}

		@Test
		void twoDetectorsScanningAtOnceScanEachLeafOnce() {
			List<AuditEvent> events = new ArrayList<>();
			for (int hour = 0; hour < 6; hour++) {
				Instant occurredAt = MONDAY_EVENING.plus(Duration.ofHours(hour));
				IntStream.range(0, 400)
					.forEach((i) -> events.add(AccessEvents.by(department, occurredAt).serviceItem(null).event()));
			}
			List<Long> leaves = appendAll(events);
			FlowRiskDetector one = newDetector();
			FlowRiskDetector other = newDetector();

			// Either may give up waiting for the other's lock (and retry at its next
			// run).
			CompletableFuture
				.allOf(CompletableFuture.runAsync(one::scanInBackground),
						CompletableFuture.runAsync(other::scanInBackground))
				.join();
			detector.scan();

			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM alert_scan a JOIN alert_scan b"
							+ " ON a.first_leaf_index < b.first_leaf_index AND b.first_leaf_index <= a.last_leaf_index",
					Long.class))
				.isZero();
			List<Alert> raised = alertsOf(department);
			assertThat(raised).hasSize(6 * 3);
			for (AlertRule rule : List.of(AlertRule.OFF_HOURS, AlertRule.NO_SERVICE_ITEM, AlertRule.VOLUME_SPIKE)) {
				assertThat(raised.stream()
					.filter((alert) -> alert.rule() == rule)
					.flatMap((alert) -> evidence(alert).stream())
					.sorted()
					.toList()).as("%s", rule).containsExactlyElementsOf(leaves);
			}
		}

	}

	private FlowRiskDetector newDetector() {
		return new FlowRiskDetector(new DetectorTables(this.jdbc), new TransactionTemplate(this.transactions),
				this.settings, Clock.systemUTC());
	}

	private static List<AuditEvent> accesses(String department, Instant occurredAt, int count) {
		return IntStream.range(0, count).mapToObj((i) -> AccessEvents.by(department, occurredAt).event()).toList();
	}

	private long append(AuditEvent event) {
		return appendAll(List.of(event)).get(0);
	}

	private List<Long> appendAll(List<AuditEvent> events) {
		List<Long> leaves = new ArrayList<>();
		for (int from = 0; from < events.size(); from += 1000) {
			this.log.append(events.subList(from, Math.min(events.size(), from + 1000)))
				.stream()
				.map(Appended::leafIndex)
				.forEach(leaves::add);
		}
		return leaves;
	}

	private List<Alert> alertsOf(String department) {
		return this.alerts.find(null, null, department, null, 1000);
	}

	private Alert only(AlertRule rule) {
		List<Alert> raised = alertsOf(this.department);
		assertThat(raised).extracting(Alert::rule).containsExactly(rule);
		return raised.get(0);
	}

	private Alert onlyOf(AlertRule rule) {
		List<Alert> raised = alertsOf(this.department).stream().filter((alert) -> alert.rule() == rule).toList();
		assertThat(raised).hasSize(1);
		return raised.get(0);
	}

	private List<Long> evidence(Alert alert) {
		return this.jdbc.queryForList("SELECT leaf_index FROM alert_event WHERE alert_id = ? ORDER BY leaf_index",
				Long.class, alert.id());
	}

	private List<AlertRule> rulesRaisedBy(long leafIndex) {
		return this.jdbc
			.queryForList("SELECT a.rule_code FROM alert a JOIN alert_event e ON e.alert_id = a.id"
					+ " WHERE e.leaf_index = ?", String.class, leafIndex)
			.stream()
			.map(AlertRule::valueOf)
			.toList();
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static Instant at(String time) {
		return OffsetDateTime.parse(time).toInstant();
	}

}
