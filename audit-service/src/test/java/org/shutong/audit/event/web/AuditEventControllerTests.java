package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.log.AuditLog;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditEventControllerTests {

	private static final String AUDIENCE = "audit-service";

	private static final Instant OCCURRED_AT = Instant.parse("2026-11-23T08:00:00Z");

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AuditLog log;

	/** Small enough for ints, as JSON paths read them. */
	private List<Integer> leafIndexes;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	/** Three events with fixed ids: appended once, found again by later tests. */
	@BeforeEach
	void threeEvents() {
		List<AuditEvent> three = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			three.add(AuditEvents.query(UUID.fromString("00000000-0000-4000-8000-00000000000" + i), OCCURRED_AT));
		}
		this.leafIndexes = this.log.append(three)
			.stream()
			.map((appended) -> Math.toIntExact(appended.leafIndex()))
			.toList();
	}

	@Test
	void pagesNewestFirstBeforeALeafIndex() {
		int third = this.leafIndexes.get(2);
		MvcTestResult first = get("/api/audit/events?limit=2&before=" + (third + 1), auditor());
		assertThat(first).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(first).bodyJson()
			.extractingPath("$.items[*].leafIndex")
			.asArray()
			.containsExactly(third, this.leafIndexes.get(1));
		assertThat(first).bodyJson().extractingPath("$.next").isEqualTo(this.leafIndexes.get(1));
	}

	@Test
	void showsWhatHappenedAndWhoDidIt() {
		Map<String, Object> expected = new HashMap<>();
		expected.put("leafIndex", this.leafIndexes.get(2));
		expected.put("eventId", "00000000-0000-4000-8000-000000000002");
		expected.put("occurredAt", "2026-11-23T08:00:00Z");
		expected.put("service", "catalog-service");
		expected.put("action", "exchange.query");
		expected.put("outcome", "SUCCESS");
		expected.put("actorDepartment", "113301000024825001");
		expected.put("actorClient", "civil-affairs-system");
		expected.put("resource", "GA-00000001");
		expected.put("serviceItemCode", "S-0001");
		expected.put("purpose", "婚姻登记");
		assertThat(get("/api/audit/events?limit=1&before=" + (this.leafIndexes.get(2) + 1), auditor())).bodyJson()
			.extractingPath("$.items[0]")
			.isEqualTo(expected);
	}

	@Test
	void startsAtTheNewestEvent() {
		MvcTestResult result = get("/api/audit/events", auditor());
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].leafIndex")
			.asArray()
			.hasSizeBetween(3, 50)
			.isSortedAccordingTo(Comparator.comparingLong((Object index) -> ((Number) index).longValue()).reversed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "CITIZEN", "DEPT_OPERATOR" })
	void isForAuditorsOnly(String role) {
		assertProblem(get("/api/audit/events", this.gateway.withRole(AUDIENCE, role)), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@Test
	void refusesASystemEvenWithTheWriteScope() {
		assertProblem(get("/api/audit/events", this.gateway.withScopes(AUDIENCE, "audit.write")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@Test
	void refusesACallerWithoutAToken() {
		assertProblem(this.mvc.get().uri("/api/audit/events").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=501", "before=-1", "before=last", "limit=many" })
	void refusesABadPage(String paging) {
		MvcTestResult result = get("/api/audit/events?" + paging, auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo(paging.substring(0, paging.indexOf('=')));
	}

	private String auditor() {
		return this.gateway.withRole(AUDIENCE, "AUDITOR");
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
