package org.shutong.audit.event.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.AuditApiTestBase;
import org.shutong.audit.AuditEvents;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Who accessed my data", {@code GET /api/audit/mine}: the calling citizen's events only,
 * and never the official or system that acted.
 */
class MyDataAccessControllerTests extends AuditApiTestBase {

	private static final String PUBLIC_SECURITY = "11330100002482100A";

	@Test
	void showsEveryAccessToTheCallersDataAndNotWhoDidIt() {
		String holder = freshHolder();
		String other = freshHolder();
		Instant first = Instant.parse("2026-11-20T01:02:03.456789Z");
		Instant second = Instant.parse("2026-11-21T09:00:00Z");
		append(AuditEvents.event()
			.subject(holder)
			.occurredAt(first)
			.actor(PUBLIC_SECURITY, "public-security-system", "张警官")
			.action("exchange.query")
			.resource("GA-00000002")
			.serviceItem("S-0100")
			.purpose("户籍核验")
			.build());
		append(AuditEvents.event().subject(other).actor(PUBLIC_SECURITY, "public-security-system", "张警官").build());
		append(AuditEvents.event()
			.subject(holder)
			.occurredAt(second)
			.actor(AuditEvents.CIVIL_AFFAIRS, "civil-affairs-system", "李科员")
			.outcome(AuditOutcome.DENIED)
			.build());

		MvcTestResult result = get("/api/audit/mine", this.gateway.citizen(AUDIENCE, holder));

		assertThat(result).hasStatusOk();
		Map<String, Object> newest = new LinkedHashMap<>();
		newest.put("occurredAt", "2026-11-21T09:00:00Z");
		newest.put("departmentCode", AuditEvents.CIVIL_AFFAIRS);
		newest.put("action", "exchange.query");
		newest.put("resource", "GA-00000001");
		newest.put("purpose", "婚姻登记");
		newest.put("serviceItemCode", "S-0001");
		newest.put("outcome", "DENIED");
		Map<String, Object> oldest = new LinkedHashMap<>();
		oldest.put("occurredAt", "2026-11-20T01:02:03.456789Z");
		oldest.put("departmentCode", PUBLIC_SECURITY);
		oldest.put("action", "exchange.query");
		oldest.put("resource", "GA-00000002");
		oldest.put("purpose", "户籍核验");
		oldest.put("serviceItemCode", "S-0100");
		oldest.put("outcome", "SUCCESS");
		assertThat(result).bodyJson().extractingPath("$.items").isEqualTo(List.of(newest, oldest));
		assertThat(result).bodyJson().extractingPath("$.next").isNull();
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("张警官", "李科员", "system", "userId", "clientId", "actor", other, holder);
	}

	@Test
	void pagesNewestFirstWithoutRepeats() {
		String holder = freshHolder();
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			events.add(AuditEvents.event().subject(holder).resource("R-" + i).build());
		}
		append(events);
		String token = this.gateway.citizen(AUDIENCE, holder);

		List<String> resources = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		String next = null;
		do {
			MvcTestResult page = get("/api/audit/mine?limit=2" + ((next != null) ? "&before=" + next : ""), token);
			List<String> found = EventSearchTests.json(page, "$.items[*].resource");
			resources.addAll(found);
			sizes.add(found.size());
			next = EventSearchTests.json(page, "$.next");
		}
		while (next != null);

		assertThat(sizes).containsExactly(2, 2, 1);
		assertThat(resources).containsExactly("R-4", "R-3", "R-2", "R-1", "R-0");
	}

	@Test
	void showsNothingToACitizenNobodyAccessed() {
		MvcTestResult result = get("/api/audit/mine", this.gateway.citizen(AUDIENCE, freshHolder()));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"items\": [], \"next\": null}");
	}

	@Test
	void refusesACitizenTokenWithoutAHolderReference() {
		assertProblem(get("/api/audit/mine", this.gateway.withRole(AUDIENCE, "CITIZEN")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "110101199003070011", "3F2A6C1BE0D94C7A8E5F1B2D3C4A5968778695A4B3C2D1E0F9A8B7C6D5E4F3A2" })
	void refusesACitizenTokenWithABadHolderReference(String holder) {
		assertProblem(get("/api/audit/mine", this.gateway.citizen(AUDIENCE, holder)), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AUDITOR", "ADMIN", "DEPT_OPERATOR" })
	void refusesEveryoneButCitizensEvenWithAHolderClaim(String role) {
		String token = this.gateway.sign(this.gateway.claims(AUDIENCE)
			.claim("roles", List.of(role))
			.claim("holder", AuditEvents.CITIZEN)
			.claim("client_id", "shutong-cli"));
		assertProblem(get("/api/audit/mine", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=501", "before=-1", "before=last", "subject=" + AuditEvents.CITIZEN })
	void refusesBadParameters(String query) {
		MvcTestResult result = get("/api/audit/mine?" + query, this.gateway.citizen(AUDIENCE, freshHolder()));
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo(query.substring(0, query.indexOf('=')));
	}

}
