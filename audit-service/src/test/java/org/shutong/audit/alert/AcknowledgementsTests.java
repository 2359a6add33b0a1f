package org.shutong.audit.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.audit.AccessEvents;
import org.shutong.audit.AlertTestContext;
import org.shutong.audit.alert.Alert.Acknowledgement;
import org.shutong.audit.log.AuditLog;
import org.shutong.platform.security.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An acknowledgement and its audit event never diverge: whichever of the two writes
 * fails, the stored acknowledgement is the one the log holds, or there is neither.
 */
class AcknowledgementsTests extends AlertTestContext {

	private static final Caller AUDITOR = new Caller("auditor-1", "shutong-cli", null, Set.of(), Set.of("AUDITOR"),
			null);

	private static final Caller OTHER_AUDITOR = new Caller("auditor-2", "shutong-cli", null, Set.of(),
			Set.of("AUDITOR"), null);

	@Autowired
	private AuditLog log;

	@Autowired
	private FlowRiskDetector detector;

	@Autowired
	private AlertStore alerts;

	@Autowired
	private Acknowledgements acknowledgements;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private long alertId;

	@BeforeEach
	void anAlert() {
		String department = AccessEvents.newDepartment();
		this.log.append(List.of(AccessEvents.by(department, at("2026-11-23T23:30:00+08:00")).event()));
		this.detector.scan();
		this.alertId = this.alerts.find(null, null, department, null, 1).get(0).id();
	}

	@Test
	void storesNothingWhenTheLogCannotTakeTheEvent() {
		Acknowledgements failing = acknowledgements((events) -> {
			throw new IllegalStateException("the audit log is busy");
		});

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> failing.acknowledge(this.alertId, "checked", AUDITOR));

		assertThat(this.alerts.find(this.alertId).orElseThrow().acknowledgement()).isNull();
		assertThat(logged()).isZero();
	}

	@Test
	void restoresTheLoggedAcknowledgementWhenItsRowWasLost() {
		// The event is committed, then the acknowledgement's own commit fails.
		Acknowledgements losing = acknowledgements((events) -> {
			this.log.append(events);
			throw new IllegalStateException("connection lost before the commit");
		});
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> losing.acknowledge(this.alertId, "first note", AUDITOR));
		assertThat(this.alerts.find(this.alertId).orElseThrow().acknowledgement()).isNull();
		assertThat(logged()).isOne();

		assertThatExceptionOfType(AlreadyAcknowledgedException.class)
			.isThrownBy(() -> this.acknowledgements.acknowledge(this.alertId, "second note", OTHER_AUDITOR))
			.withMessageContaining("acknowledged by auditor-1");

		Acknowledgement stored = this.alerts.find(this.alertId).orElseThrow().acknowledgement();
		assertThat(stored).isNotNull();
		assertThat(stored.acknowledgedBy()).isEqualTo("auditor-1");
		assertThat(stored.note()).isEqualTo("first note");
		assertThat(stored.eventId()).isEqualTo(Acknowledgements.eventId(this.alertId));
		assertThat(stored.leafIndex()).isNotNull();
		assertThat(logged()).isOne();
	}

	@Test
	void refusesASecondAcknowledgementWithoutLoggingIt() {
		Acknowledgement first = this.acknowledgements.acknowledge(this.alertId, "checked", AUDITOR);

		assertThatExceptionOfType(AlreadyAcknowledgedException.class)
			.isThrownBy(() -> this.acknowledgements.acknowledge(this.alertId, "checked again", OTHER_AUDITOR));

		assertThat(this.alerts.find(this.alertId).orElseThrow().acknowledgement()).isEqualTo(first);
		assertThat(logged()).isOne();
	}

	private Acknowledgements acknowledgements(
			java.util.function.Function<List<org.shutong.platform.audit.AuditEvent>, List<org.shutong.audit.log.Appended>> log) {
		return new Acknowledgements(this.alerts, new TransactionTemplate(this.transactions), log, Clock.systemUTC());
	}

	private long logged() {
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'audit.alert.acknowledge' AND resource = ?",
				Long.class, String.valueOf(this.alertId));
		return (count != null) ? count : 0;
	}

	private static Instant at(String time) {
		return OffsetDateTime.parse(time).toInstant();
	}

}
