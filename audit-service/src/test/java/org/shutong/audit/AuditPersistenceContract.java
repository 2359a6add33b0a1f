package org.shutong.audit;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.audit.event.LoggedEvent;
import org.shutong.audit.event.LoggedEventRepository;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventLeaves;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class AuditPersistenceContract extends ServiceStartupContract {

	@Autowired
	private AuditLog log;

	@Autowired
	private LoggedEventRepository events;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void appendsAndReadsBackAnEvent() {
		AuditEvent event = EventLeaves.normalized(AuditEvents.query());
		Appended appended = this.log.append(List.of(event)).get(0);

		LoggedEvent stored = this.events.findByEventId(event.eventId().toString()).orElseThrow();
		assertThat(stored.leafIndex()).isEqualTo(appended.leafIndex());
		assertThat(stored.occurredAt()).isEqualTo(event.occurredAt());
		assertThat(stored.subjectReference()).isEqualTo(AuditEvents.CITIZEN);
		assertThat(EventLeaves.parse(stored.leaf())).isEqualTo(event);
	}

	@Test
	void raisesFlowRiskAlertsInTheBackground() throws InterruptedException {
		String department = AccessEvents.newDepartment();
		this.log.append(List.of(AccessEvents.by(department, Instant.now()).serviceItem(null).event()));

		Instant deadline = Instant.now().plusSeconds(30);
		long raised = 0;
		while (raised == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			raised = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM alert WHERE department = ? AND rule_code = 'NO_SERVICE_ITEM'", Long.class,
					department);
		}
		assertThat(raised).isOne();
	}

}
