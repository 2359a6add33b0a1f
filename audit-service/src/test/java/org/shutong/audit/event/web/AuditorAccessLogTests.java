package org.shutong.audit.event.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.audit.AuditApiTestBase;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.log.EventLeaves;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the log is logged: each auditor's search, event view and export leaves an event
 * naming the auditor and what was asked for; a citizen reading their own accesses does
 * not.
 */
class AuditorAccessLogTests extends AuditApiTestBase {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void logsASearchWithItsFilters() {
		String auditor = unique("auditor-");
		String resource = unique("R-");
		append(AuditEvents.event().resource(resource).outcome(AuditOutcome.DENIED).build());

		assertThat(get("/api/audit/events?resource=" + resource + "&outcome=DENIED&limit=10", auditor(auditor)))
			.hasStatusOk();

		AuditEvent logged = single(loggedBy(auditor));
		assertThat(logged.service()).isEqualTo("audit-service");
		assertThat(logged.action()).isEqualTo("audit.search");
		assertThat(logged.outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(logged.actor()).isEqualTo(new AuditEvent.Actor(null, "shutong-cli", auditor));
		assertThat(logged.subject()).isNull();
		assertThat(logged.details())
			.isEqualTo(Map.of("resource", resource, "outcome", "DENIED", "limit", 10, "returned", 1));
	}

	@Test
	void logsTheViewOfOneEvent() {
		String auditor = unique("auditor-");
		long index = append(AuditEvents.query());

		assertThat(get("/api/audit/events/" + index, auditor(auditor))).hasStatusOk();

		AuditEvent logged = single(loggedBy(auditor));
		assertThat(logged.action()).isEqualTo("audit.view");
		assertThat(((Number) logged.details().get("leafIndex")).longValue()).isEqualTo(index);
	}

	@Test
	void logsAnExportWithItsFilters() {
		String auditor = unique("auditor-");
		String action = freshAction();

		assertThat(get("/api/audit/events.csv?action=" + action + "&max=5", auditor(auditor))).hasStatusOk();

		AuditEvent logged = single(loggedBy(auditor));
		assertThat(logged.action()).isEqualTo("audit.export");
		assertThat(logged.details()).isEqualTo(Map.of("action", action, "max", 5));
	}

	@Test
	void logsNothingForARefusedRead() {
		String auditor = unique("auditor-");
		get("/api/audit/events?outcome=MAYBE", auditor(auditor));
		get("/api/audit/events.csv?from=never", auditor(auditor));
		get("/api/audit/events/" + Long.MAX_VALUE, auditor(auditor));
		assertThat(loggedBy(auditor)).isEmpty();
	}

	@Test
	void logsNothingWhenACitizenReadsTheirOwnAccesses() {
		String citizen = unique("citizen-");
		String token = this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject(citizen)
			.claim("roles", List.of("CITIZEN"))
			.claim("holder", freshHolder()));
		assertThat(get("/api/audit/mine", token)).hasStatusOk();
		assertThat(loggedBy(citizen)).isEmpty();
	}

	/**
	 * The events the audit service itself logged for this user (who is in the leaf only).
	 */
	private List<AuditEvent> loggedBy(String user) {
		return this.jdbc
			.query("SELECT leaf FROM audit_event WHERE action LIKE 'audit.%' ORDER BY leaf_index",
					(rs, row) -> EventLeaves.parse(rs.getBytes(1)))
			.stream()
			.filter((event) -> user.equals(event.actor().userId()))
			.toList();
	}

	private static AuditEvent single(List<AuditEvent> events) {
		assertThat(events).hasSize(1);
		return events.get(0);
	}

}
