package org.shutong.audit.alert.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.AccessEvents;
import org.shutong.audit.AlertTestContext;
import org.shutong.audit.alert.Alert;
import org.shutong.audit.alert.AlertRule;
import org.shutong.audit.alert.AlertStore;
import org.shutong.audit.alert.FlowRiskDetector;
import org.shutong.audit.event.LoggedEvent;
import org.shutong.audit.event.LoggedEventRepository;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventLeaves;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert endpoints through the real security filters, over alerts the detector raised
 * from two accesses of a department of its own: one at 19:05 (OFF_HOURS) and one in
 * working time naming no service item (NO_SERVICE_ITEM).
 */
class AlertControllerTests extends AlertTestContext {

	private static final String AUDIENCE = "audit-service";

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AuditLog log;

	@Autowired
	private FlowRiskDetector detector;

	@Autowired
	private AlertStore alerts;

	@Autowired
	private LoggedEventRepository events;

	@Autowired
	private JdbcTemplate jdbc;

	private final String department = AccessEvents.newDepartment();

	private long evening;

	private long offHours;

	private long noServiceItem;

	@BeforeEach
	void twoAlerts() {
		AuditEvent late = AccessEvents.by(this.department, at("2026-11-23T19:05:00+08:00")).event();
		AuditEvent unnamed = AccessEvents.by(this.department, at("2026-11-23T10:15:00+08:00"))
			.serviceItem(null)
			.event();
		this.evening = this.log.append(List.of(late, unnamed)).get(0).leafIndex();
		this.detector.scan();
		List<Alert> raised = this.alerts.find(null, null, this.department, null, 10);
		this.offHours = raised.stream()
			.filter((alert) -> alert.rule() == AlertRule.OFF_HOURS)
			.findFirst()
			.orElseThrow()
			.id();
		this.noServiceItem = raised.stream()
			.filter((alert) -> alert.rule() == AlertRule.NO_SERVICE_ITEM)
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void listsADepartmentsAlertsNewestFirstWithTheEventsBehindThem() {
		MvcTestResult result = get("/api/audit/alerts?department=" + this.department, auditor());
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.containsExactly(Math.toIntExact(Math.max(this.offHours, this.noServiceItem)),
					Math.toIntExact(Math.min(this.offHours, this.noServiceItem)));
		assertThat(result).bodyJson().extractingPath("$.next").isNull();
		assertThat(get("/api/audit/alerts/" + this.offHours, auditor())).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsEntry("rule", "OFF_HOURS")
			.containsEntry("status", "OPEN")
			.containsEntry("department", this.department)
			.containsEntry("windowStart", "2026-11-23T11:00:00Z")
			.containsEntry("windowEnd", "2026-11-23T12:00:00Z")
			.containsEntry("eventCount", 1)
			.containsEntry("acknowledgement", null)
			.containsEntry("nextEventsAfter", null)
			.hasEntrySatisfying("summary",
					(summary) -> assertThat((String) summary).contains("2026-11-23 19:00 +08:00"));
	}

	@Test
	void showsAShortViewOfEachEvent() {
		assertThat(get("/api/audit/alerts/" + this.offHours, auditor())).bodyJson()
			.extractingPath("$.events[0]")
			.asMap()
			.containsEntry("leafIndex", Math.toIntExact(this.evening))
			.containsEntry("archived", false)
			.containsEntry("occurredAt", "2026-11-23T11:05:00Z")
			.containsEntry("action", "exchange.query")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("actorDepartment", this.department)
			.containsEntry("actorClient", "test-system")
			.containsEntry("subjectKind", "PERSON")
			.containsEntry("serviceItemCode", "S-0001")
			.containsEntry("rows", 1)
			.doesNotContainKey("subjectReference");
	}

	@ParameterizedTest
	@CsvSource({ "rule=OFF_HOURS, OFF_HOURS", "rule=NO_SERVICE_ITEM, NO_SERVICE_ITEM",
			"status=OPEN&rule=OFF_HOURS, OFF_HOURS" })
	void filtersByRuleAndStatus(String filter, String rule) {
		assertThat(get("/api/audit/alerts?department=" + this.department + "&" + filter, auditor())).bodyJson()
			.extractingPath("$.items[*].rule")
			.asArray()
			.containsExactly(rule);
	}

	@Test
	void pagesByAlertId() {
		String base = "/api/audit/alerts?limit=1&department=" + this.department;
		MvcTestResult first = get(base, auditor());
		int newest = Math.toIntExact(Math.max(this.offHours, this.noServiceItem));
		assertThat(first).bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(newest);
		assertThat(first).bodyJson().extractingPath("$.next").isEqualTo(newest);
		MvcTestResult second = get(base + "&before=" + newest, auditor());
		assertThat(second).bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.containsExactly(Math.toIntExact(Math.min(this.offHours, this.noServiceItem)));
		assertThat(second).bodyJson().extractingPath("$.next").isNull();
	}

	@Test
	void acknowledgesAnAlertOnceAndLogsIt() {
		MvcTestResult result = acknowledge(this.offHours, "{\"note\": \"批量核查，已与民政局确认\"}", auditor());
		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsEntry("alertId", Math.toIntExact(this.offHours))
			.containsEntry("acknowledgedBy", "test-caller")
			.containsEntry("note", "批量核查，已与民政局确认");

		String eventId = this.jdbc.queryForObject("SELECT event_id FROM alert_acknowledgement WHERE alert_id = ?",
				String.class, this.offHours);
		LoggedEvent logged = this.events.findByEventId(eventId).orElseThrow();
		assertThat(result).bodyJson().extractingPath("$.eventId").isEqualTo(eventId);
		assertThat(result).bodyJson().extractingPath("$.leafIndex").isEqualTo(Math.toIntExact(logged.leafIndex()));
		AuditEvent event = EventLeaves.parse(logged.leaf());
		assertThat(event.action()).isEqualTo("audit.alert.acknowledge");
		assertThat(event.service()).isEqualTo("audit-service");
		assertThat(event.actor().userId()).isEqualTo("test-caller");
		assertThat(event.resource()).isEqualTo(String.valueOf(this.offHours));
		assertThat(event.details()).containsEntry("note", "批量核查，已与民政局确认").containsEntry("rule", "OFF_HOURS");
		assertThat(result).bodyJson().extractingPath("$.acknowledgedAt").isEqualTo(event.occurredAt().toString());

		assertThat(get("/api/audit/alerts/" + this.offHours, auditor())).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsEntry("status", "ACKNOWLEDGED")
			.hasEntrySatisfying("acknowledgement",
					(acknowledgement) -> assertThat(((Map<?, ?>) acknowledgement).get("eventId")).isEqualTo(eventId));
		assertThat(get("/api/audit/alerts?status=ACKNOWLEDGED&department=" + this.department, auditor())).bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.containsExactly(Math.toIntExact(this.offHours));
		assertThat(get("/api/audit/alerts?status=OPEN&department=" + this.department, auditor())).bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.containsExactly(Math.toIntExact(this.noServiceItem));

		MvcTestResult again = acknowledge(this.offHours, "{\"note\": \"again\"}", auditor());
		assertProblem(again, HttpStatus.CONFLICT, "CONFLICT");
		assertThat(again).bodyJson().extractingPath("$.detail").asString().contains("acknowledged by test-caller");
		assertThat(acknowledgementsLogged(this.offHours)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT note FROM alert_acknowledgement WHERE alert_id = ?", String.class,
				this.offHours))
			.isEqualTo("批量核查，已与民政局确认");
	}

	@Test
	void answersNotFoundForAnUnknownAlert() {
		assertProblem(get("/api/audit/alerts/999999999", auditor()), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(acknowledge(999999999, "{\"note\": \"n\"}", auditor()), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertThat(acknowledgementsLogged(999999999)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"note\": null}", "{\"note\": \"  \"}", "{\"note\": \"\"}", "LONG" })
	void refusesAnAcknowledgementWithoutAGoodNote(String body) {
		String json = body.equals("LONG") ? "{\"note\": \"" + "长".repeat(501) + "\"}" : body;
		MvcTestResult result = acknowledge(this.offHours, json, auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
		assertThat(this.alerts.find(this.offHours).orElseThrow().acknowledgement()).isNull();
		assertThat(acknowledgementsLogged(this.offHours)).isZero();
	}

	@Test
	void acceptsANoteOfFiveHundredCharacters() {
		assertThat(acknowledge(this.noServiceItem, "{\"note\": \"" + "长".repeat(500) + "\"}", auditor()))
			.hasStatus(HttpStatus.CREATED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "note", "null", "[]", "42", "{\"note\": " })
	void refusesABodyThatIsNoAcknowledgement(String body) {
		assertProblem(acknowledge(this.offHours, body, auditor()), HttpStatus.BAD_REQUEST, "MALFORMED_BODY");
		assertThat(acknowledgementsLogged(this.offHours)).isZero();
	}

	@Test
	void refusesANoteThatIsNoText() {
		MvcTestResult result = acknowledge(this.offHours, "{\"note\": {\"text\": \"n\"}}", auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
	}

	@ParameterizedTest
	@CsvSource({ "status=CLOSED, status", "status=open, status", "rule=BULK, rule", "department=123, department",
			"department=113301000024825002, department", "limit=0, limit", "limit=201, limit", "before=0, before",
			"before=next, before" })
	void refusesBadFilters(String query, String field) {
		MvcTestResult result = get("/api/audit/alerts?" + query, auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
	}

	@ParameterizedTest
	@CsvSource({ "/api/audit/alerts/first, id", "/api/audit/alerts/1?eventsAfter=-2, eventsAfter" })
	void refusesABadAlertIdOrEventPage(String uri, String field) {
		MvcTestResult result = get(uri, auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "CITIZEN", "DEPT_OPERATOR" })
	void isForAuditorsOnly(String role) {
		String token = this.gateway.withRole(AUDIENCE, role);
		assertProblem(get("/api/audit/alerts", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(get("/api/audit/alerts/" + this.offHours, token), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(acknowledge(this.offHours, "{\"note\": \"n\"}", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertThat(acknowledgementsLogged(this.offHours)).isZero();
	}

	@Test
	void refusesASystemEvenWithTheWriteScope() {
		String token = this.gateway.withScopes(AUDIENCE, "audit.write");
		assertProblem(get("/api/audit/alerts", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(acknowledge(this.offHours, "{\"note\": \"n\"}", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	@Test
	void refusesACallerWithoutAToken() {
		assertProblem(this.mvc.get().uri("/api/audit/alerts").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
		assertProblem(this.mvc.post()
			.uri("/api/audit/alerts/" + this.offHours + "/acknowledgement")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"n\"}")
			.exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	private long acknowledgementsLogged(long alertId) {
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'audit.alert.acknowledge' AND resource = ?",
				Long.class, String.valueOf(alertId));
		return (count != null) ? count : 0;
	}

	private String auditor() {
		return this.gateway.withRole(AUDIENCE, "AUDITOR");
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	private MvcTestResult acknowledge(long id, String body, String token) {
		return this.mvc.post()
			.uri("/api/audit/alerts/" + id + "/acknowledgement")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

	private static Instant at(String time) {
		return OffsetDateTime.parse(time).toInstant();
	}

}
