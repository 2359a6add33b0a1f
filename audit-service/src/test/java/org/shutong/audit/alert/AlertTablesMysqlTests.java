package org.shutong.audit.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.shutong.audit.AccessEvents;
import org.shutong.audit.ServiceUserMysqlTest;
import org.shutong.audit.alert.Alert.Acknowledgement;
import org.shutong.audit.alert.AlertStore.Evidence;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.security.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The alert tables on the real MySQL-compatible server, used as the audit service's own
 * user, with exactly the privileges {@code infra/mysql/init.sql} grants it (SELECT,
 * INSERT, LOCK TABLES: no UPDATE, no DELETE).
 */
class AlertTablesMysqlTests extends ServiceUserMysqlTest {

	private static final Caller AUDITOR = new Caller("auditor-1", "shutong-cli", null, Set.of(), Set.of("AUDITOR"),
			null);

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AuditLog log;

	@Autowired
	private FlowRiskDetector detector;

	@Autowired
	private AlertStore alerts;

	@Autowired
	private Acknowledgements acknowledgements;

	@Autowired
	private AlertSettings settings;

	@Autowired
	private PlatformTransactionManager transactions;

	private final String department = AccessEvents.newDepartment();

	@Test
	void theServiceUserMayNeitherUpdateNorDelete() {
		String grants = String.join("\n", this.jdbc.queryForList("SHOW GRANTS", String.class));
		assertThat(grants).contains("INSERT").doesNotContain("UPDATE").doesNotContain("DELETE");
	}

	@Test
	void raisesAndReadsAlertsToTheMicrosecond() {
		Instant late = at("2026-11-23T19:05:00.123456+08:00");
		long leaf = append(List.of(AccessEvents.by(this.department, late).serviceItem(null).event())).get(0);
		this.detector.scan();

		List<Alert> raised = this.alerts.find(AlertStatus.OPEN, null, this.department, null, 10);
		assertThat(raised).extracting(Alert::rule)
			.containsExactlyInAnyOrder(AlertRule.OFF_HOURS, AlertRule.NO_SERVICE_ITEM);
		assertThat(raised).allSatisfy((alert) -> {
			assertThat(alert.department()).isEqualTo(this.department);
			assertThat(alert.windowStart()).isEqualTo(at("2026-11-23T19:00:00+08:00"));
			assertThat(alert.windowEnd()).isEqualTo(at("2026-11-23T20:00:00+08:00"));
		});
		assertThat(this.alerts.find(null, AlertRule.OFF_HOURS, this.department, null, 10)).hasSize(1);
		Alert alert = raised.get(0);
		List<Evidence> evidence = this.alerts.evidence(List.of(alert.id()), -1, 10).get(alert.id());
		assertThat(evidence).extracting(Evidence::leafIndex).containsExactly(leaf);
		assertThat(evidence.get(0).event().occurredAt()).isEqualTo(late);
		assertThat(this.alerts.eventCounts(List.of(alert.id()))).containsEntry(alert.id(), 1L);
	}

	@Test
	void theServiceUserAcknowledgesAnAlertByInsertingARow() {
		append(List.of(AccessEvents.by(this.department, at("2026-11-23T22:00:00+08:00")).event()));
		this.detector.scan();
		long id = this.alerts.find(null, null, this.department, null, 1).get(0).id();

		Acknowledgement acknowledgement = this.acknowledgements.acknowledge(id, "已核实：夜间批处理", AUDITOR);

		assertThat(this.alerts.find(id).orElseThrow().acknowledgement()).isEqualTo(acknowledgement);
		assertThat(this.alerts.find(AlertStatus.ACKNOWLEDGED, null, this.department, null, 10)).extracting(Alert::id)
			.containsExactly(id);
		assertThat(this.jdbc.queryForObject("SELECT action FROM audit_event WHERE leaf_index = ?", String.class,
				acknowledgement.leafIndex()))
			.isEqualTo("audit.alert.acknowledge");
		assertThatExceptionOfType(AlreadyAcknowledgedException.class)
			.isThrownBy(() -> this.acknowledgements.acknowledge(id, "again", AUDITOR));
	}

	@Test
	void twoDetectorsScanningAtOnceScanEachLeafOnce() {
		List<AuditEvent> events = new ArrayList<>();
		IntStream.range(0, 3000)
			.forEach((i) -> events.add(AccessEvents.by(this.department, at("2026-11-23T21:00:00+08:00").plusSeconds(i))
				.serviceItem(null)
				.event()));
		List<Long> leaves = append(events);
		FlowRiskDetector one = newDetector();
		FlowRiskDetector other = newDetector();

		CompletableFuture.allOf(CompletableFuture.runAsync(one::scan), CompletableFuture.runAsync(other::scan)).join();

		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM alert_scan a JOIN alert_scan b"
						+ " ON a.first_leaf_index < b.first_leaf_index AND b.first_leaf_index <= a.last_leaf_index",
				Long.class))
			.isZero();
		List<Alert> raised = this.alerts.find(null, AlertRule.NO_SERVICE_ITEM, this.department, null, 10);
		assertThat(raised).hasSize(1);
		assertThat(this.jdbc.queryForList("SELECT leaf_index FROM alert_event WHERE alert_id = ? ORDER BY leaf_index",
				Long.class, raised.get(0).id()))
			.containsExactlyElementsOf(leaves);
	}

	@Test
	void theServiceUserCannotChangeOrRemoveAlertsOrTheirAcknowledgements() {
		for (String table : List.of("alert", "alert_event", "alert_acknowledgement", "alert_scan", "alert_tally",
				"job_lock", "event_archive")) {
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(
					() -> this.jdbc.update("UPDATE " + table + " SET " + aColumnOf(table) + " = " + aColumnOf(table)))
				.havingRootCause()
				.withMessageContaining("UPDATE command denied");
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> this.jdbc.update("DELETE FROM " + table))
				.havingRootCause()
				.withMessageContaining("DELETE command denied");
		}
	}

	private String aColumnOf(String table) {
		return this.jdbc.queryForObject("SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
				+ " AND table_name = ? ORDER BY ordinal_position LIMIT 1", String.class, SCHEMA, table);
	}

	private FlowRiskDetector newDetector() {
		return new FlowRiskDetector(new DetectorTables(this.jdbc), new TransactionTemplate(this.transactions),
				this.settings, Clock.systemUTC());
	}

	private List<Long> append(List<AuditEvent> events) {
		List<Long> leaves = new ArrayList<>();
		for (int from = 0; from < events.size(); from += 1000) {
			this.log.append(events.subList(from, Math.min(events.size(), from + 1000)))
				.stream()
				.map(Appended::leafIndex)
				.forEach(leaves::add);
		}
		return leaves;
	}

	private static Instant at(String time) {
		return OffsetDateTime.parse(time).toInstant();
	}

}
