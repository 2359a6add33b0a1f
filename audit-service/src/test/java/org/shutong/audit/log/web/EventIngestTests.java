package org.shutong.audit.log.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.event.LoggedEventRepository;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

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
class EventIngestTests {

	private static final String AUDIENCE = "audit-service";

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private LoggedEventRepository events;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void logsOneEventAndAnswersWithItsLeafIndex() {
		Map<String, Object> event = event();

		MvcTestResult result = post(event, writer());

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.results[0].eventId").isEqualTo(event.get("eventId"));
		assertThat(result).bodyJson().extractingPath("$.results[0].duplicate").isEqualTo(false);
		long leafIndex = leafIndexes(result).get(0);
		assertThat(this.events.findById(leafIndex)).get()
			.satisfies((logged) -> assertThat(logged.eventId()).isEqualTo(event.get("eventId")));
	}

	@Test
	void storesARedeliveredEventOnceAndAnswersWithTheFirstLeafIndex() {
		Map<String, Object> event = event();
		long first = leafIndexes(post(event, writer())).get(0);

		MvcTestResult again = post(List.of(event(), event, event()), writer());

		assertThat(again).hasStatusOk();
		assertThat(again).bodyJson()
			.extractingPath("$.results[*].duplicate")
			.asArray()
			.containsExactly(false, true, false);
		assertThat(leafIndexes(again).get(1)).isEqualTo(first);
		assertThat(this.events.findByEventId((String) event.get("eventId"))).get()
			.satisfies((logged) -> assertThat(logged.leafIndex()).isEqualTo(first));
	}

	@Test
	void storesAnEventRepeatedWithinOneBatchOnce() {
		Map<String, Object> event = event();

		MvcTestResult result = post(List.of(event, event), writer());

		assertThat(result).bodyJson().extractingPath("$.results[*].duplicate").asArray().containsExactly(false, true);
		assertThat(leafIndexes(result).get(1)).isEqualTo(leafIndexes(result).get(0));
	}

	@Test
	void givesABatchContiguousLeafIndexesInItsOrder() {
		List<Long> leafIndexes = leafIndexes(post(List.of(event(), event(), event()), writer()));

		assertThat(leafIndexes.get(1)).isEqualTo(leafIndexes.get(0) + 1);
		assertThat(leafIndexes.get(2)).isEqualTo(leafIndexes.get(0) + 2);
	}

	@Test
	void refusesABatchWithBadEventsListingEveryBadFieldAndLogsNoneOfIt() {
		Map<String, Object> good = event();
		Map<String, Object> badDepartment = event();
		badDepartment.put("actor", Map.of("departmentCode", "123"));
		Map<String, Object> badOutcome = event();
		badOutcome.put("outcome", "MAYBE");
		Map<String, Object> rawIdNumber = event();
		rawIdNumber.put("subject", Map.of("kind", "PERSON", "reference", "330106199203150027"));
		Map<String, Object> noEventId = event();
		noEventId.remove("eventId");

		MvcTestResult result = post(List.of(good, badDepartment, badOutcome, rawIdNumber, noEventId), writer());

		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("[1].actor.departmentCode", "[2].outcome", "[3].subject.reference", "[4].eventId");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[1].message")
			.asString()
			.contains("SUCCESS", "DENIED", "FAILED");
		assertThat(this.events.findByEventId((String) good.get("eventId"))).isEmpty();
	}

	@Test
	void refusesASingleEventNamingFieldsWithoutAPosition() {
		Map<String, Object> event = event();
		event.put("action", "Exchange Query");
		event.remove("occurredAt");

		MvcTestResult result = post(event, writer());

		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("action", "occurredAt");
	}

	@Test
	void refusesAnEventTooLargeForALeaf() {
		Map<String, Object> event = event();
		event.put("details", Map.of("note", "x".repeat(9000)));

		MvcTestResult tooLarge = post(List.of(event(), event), writer());

		assertProblem(tooLarge, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(tooLarge).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1].details");
		assertThat(this.events.findByEventId((String) event.get("eventId"))).isEmpty();
	}

	@Test
	void refusesAnEmptyBatch() {
		assertProblem(post(List.of(), writer()), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
	}

	@Test
	void refusesMoreThanAThousandEventsAtOnce() {
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i <= EventBatchReader.MAX_BATCH; i++) {
			batch.add(event());
		}
		assertProblem(post(batch, writer()), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1, 2]", "\"event\"", "{\"eventId\": 7}" })
	void refusesWhatIsNotAnEvent(String body) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/audit/events")
			.header("Authorization", "Bearer " + writer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
	}

	@Test
	void refusesBrokenJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/audit/events")
			.header("Authorization", "Bearer " + writer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"eventId\": ")
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "MALFORMED_BODY");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/audit/events")
			.header("Authorization", "Bearer " + writer())
			.contentType(MediaType.TEXT_PLAIN)
			.content(this.json.writeValueAsString(event()))
			.exchange();
		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void refusesACallerWithoutAToken() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/audit/events")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(event()))
			.exchange();
		assertProblem(result, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	@Test
	void refusesASystemWithoutTheWriteScope() {
		assertProblem(post(event(), this.gateway.withScopes(AUDIENCE, "catalog.read audit.read")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AUDITOR", "ADMIN", "CITIZEN", "DEPT_OPERATOR" })
	void refusesPeopleWhateverTheirRole(String role) {
		assertProblem(post(event(), this.gateway.withRole(AUDIENCE, role)), HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	private String writer() {
		return this.gateway.withScopes(AUDIENCE, "audit.write");
	}

	private MvcTestResult post(Object body, String token) {
		return this.mvc.post()
			.uri("/api/audit/events")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	private List<Long> leafIndexes(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		List<Long> leafIndexes = new ArrayList<>();
		this.json.readTree(result.getResponse().getContentAsByteArray())
			.get("results")
			.forEach((appended) -> leafIndexes.add(appended.get("leafIndex").asLong()));
		return leafIndexes;
	}

	/** An event as JSON, as a service sends it. */
	private LinkedHashMap<String, Object> event() {
		return this.json.convertValue(AuditEvents.query(UUID.randomUUID(), Instant.now()), new TypeReference<>() {
		});
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
