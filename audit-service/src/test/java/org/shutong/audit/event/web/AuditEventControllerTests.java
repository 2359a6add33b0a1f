package org.shutong.audit.event.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.AuditApiTestBase;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.log.EventLeaves;
import org.shutong.audit.tree.MerkleHash;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventControllerTests extends AuditApiTestBase {

	private static final Instant OCCURRED_AT = Instant.parse("2026-11-23T08:00:00Z");

	/** Small enough for ints, as JSON paths read them. */
	private List<Integer> leafIndexes;

	/** Three events with fixed ids: appended once, found again by later tests. */
	@BeforeEach
	void threeEvents() {
		List<AuditEvent> three = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			three.add(AuditEvents.query(UUID.fromString("00000000-0000-4000-8000-00000000000" + i), OCCURRED_AT));
		}
		this.leafIndexes = append(three).stream().map(Math::toIntExact).toList();
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
		MvcTestResult result = get("/api/audit/events?limit=1&before=" + (this.leafIndexes.get(2) + 1), auditor());
		Map<String, Object> expected = expectedEvent(this.leafIndexes.get(2));
		expected.put("receivedAt", receivedAt(result, "$.items[0].receivedAt"));
		assertThat(result).bodyJson().extractingPath("$.items[0]").isEqualTo(expected);
	}

	@Test
	void showsOneEventWithItsLeafHash() {
		int index = this.leafIndexes.get(2);
		MvcTestResult result = get("/api/audit/events/" + index, auditor());
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		Map<String, Object> expected = expectedEvent(index);
		expected.put("receivedAt", receivedAt(result, "$.receivedAt"));
		AuditEvent event = AuditEvents.query(UUID.fromString("00000000-0000-4000-8000-000000000002"), OCCURRED_AT);
		expected.put("leafHash",
				Base64.getEncoder().encodeToString(MerkleHash.leaf(EventLeaves.of(EventLeaves.normalized(event)))));
		assertThat(result).bodyJson().extractingPath("$").isEqualTo(expected);
	}

	@Test
	void answersNotFoundForALeafIndexNotInTheLog() {
		assertProblem(get("/api/audit/events/" + Long.MAX_VALUE, auditor()), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(get("/api/audit/events/-1", auditor()), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void refusesALeafIndexThatIsNotANumber() {
		MvcTestResult result = get("/api/audit/events/first", auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("leafIndex");
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

	private static Map<String, Object> expectedEvent(int leafIndex) {
		Map<String, Object> actor = new LinkedHashMap<>();
		actor.put("departmentCode", "113301000024825001");
		actor.put("clientId", "civil-affairs-system");
		actor.put("userId", null);
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("leafIndex", leafIndex);
		expected.put("eventId", "00000000-0000-4000-8000-000000000002");
		expected.put("occurredAt", "2026-11-23T08:00:00Z");
		expected.put("service", "catalog-service");
		expected.put("action", "exchange.query");
		expected.put("outcome", "SUCCESS");
		expected.put("actor", actor);
		expected.put("subject", Map.of("kind", "PERSON", "reference", AuditEvents.CITIZEN));
		expected.put("resource", "GA-00000001");
		expected.put("serviceItemCode", "S-0001");
		expected.put("purpose", "婚姻登记");
		expected.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		expected.put("details", Map.of("rows", 1));
		return expected;
	}

	/**
	 * When the log received the event: not before the event occurred, nor in the future.
	 */
	private static String receivedAt(MvcTestResult result, String path) {
		String receivedAt = JsonPath
			.read(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), path);
		assertThat(Instant.parse(receivedAt)).isAfterOrEqualTo(OCCURRED_AT).isBeforeOrEqualTo(Instant.now());
		return receivedAt;
	}

}
