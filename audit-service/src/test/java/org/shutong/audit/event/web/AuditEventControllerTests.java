package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.event.AuditEvent;
import org.shutong.audit.event.AuditEventRepository;
import org.shutong.audit.event.EventRecord;
import org.shutong.audit.event.Outcome;
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
	private AuditEventRepository events;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	/**
	 * The oldest leaves, 0 to 2; other tests in this JVM append theirs far above.
	 */
	@BeforeEach
	void oldestEvents() {
		for (int leafIndex = 0; leafIndex < 3; leafIndex++) {
			if (this.events.findById(leafIndex).isEmpty()) {
				this.events.save(event(leafIndex));
			}
		}
	}

	@Test
	void pagesNewestFirstBeforeALeafIndex() {
		MvcTestResult first = get("/api/audit/events?limit=2&before=3", auditor());
		assertThat(first).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(first).bodyJson().extractingPath("$.items[*].leafIndex").asArray().containsExactly(2, 1);
		assertThat(first).bodyJson().extractingPath("$.next").isEqualTo(1);

		MvcTestResult last = get("/api/audit/events?limit=2&before=1", auditor());
		assertThat(last).bodyJson().extractingPath("$.items[*].leafIndex").asArray().containsExactly(0);
		assertThat(last).bodyJson().extractingPath("$.next").isNull();
	}

	@Test
	void showsWhatHappenedAndWhoDidIt() {
		Map<String, Object> expected = new HashMap<>();
		expected.put("leafIndex", 2);
		expected.put("eventId", "00000000-0000-4000-8000-000000000002");
		expected.put("occurredAt", "2026-11-23T08:00:00Z");
		expected.put("service", "catalog-service");
		expected.put("action", "EXCHANGE_QUERY");
		expected.put("outcome", "SUCCESS");
		expected.put("actorDepartment", "113301000024825001");
		expected.put("actorClient", "civil-affairs-system");
		expected.put("resource", "GA-00000001");
		expected.put("serviceItemCode", "S-0001");
		expected.put("purpose", "婚姻登记");
		assertThat(get("/api/audit/events?limit=1&before=3", auditor())).bodyJson()
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
			.isSortedAccordingTo(Comparator.comparingLong((Object index) -> ((Number) index).longValue()).reversed())
			.contains(2, 1, 0);
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

	private static AuditEvent event(int leafIndex) {
		EventRecord record = new EventRecord("00000000-0000-4000-8000-00000000000" + leafIndex, OCCURRED_AT,
				"catalog-service", "EXCHANGE_QUERY", Outcome.SUCCESS,
				new EventRecord.Actor("113301000024825001", "civil-affairs-system", null),
				new EventRecord.Subject("PERSON", "hmac:3f2a"), "GA-00000001", "S-0001", "婚姻登记", "trace-" + leafIndex);
		return new AuditEvent(leafIndex, record, OCCURRED_AT, new byte[] { (byte) leafIndex });
	}

}
