package org.shutong.catalog.exchange;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.springframework.modulith.events.core.TargetEventPublication;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator keeps the allowlist of provider systems; every change is audited, and
 * nobody else may read or change it.
 */
class ProviderAdminTests extends ExchangeTest {

	@Test
	void allowsChangesListsAndRemovesAProviderSystemWithAuditEvents() {
		String admin = adminToken();

		MvcTestResult allowed = put("/api/exchange/providers/MZ.Example.GOV.cn", admin,
				Map.of("description", "婚姻登记系统", "timeoutMillis", 2_500));
		assertThat(allowed).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"host": "mz.example.gov.cn", "description": "婚姻登记系统", "timeoutMillis": 2500,
				 "maxConcurrentCalls": 32, "changedBy": "admin"}""");
		assertThat(put("/api/exchange/providers/mz.example.gov.cn", admin,
				Map.of("description", "婚姻登记系统（新）", "maxConcurrentCalls", 8)))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"timeoutMillis\": 5000, \"maxConcurrentCalls\": 8}");
		assertThat(fetch("/api/exchange/providers", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].host")
			.asArray()
			.contains("127.0.0.1", "mz.example.gov.cn");

		assertThat(this.mvc.delete()
			.uri("/api/exchange/providers/mz.example.gov.cn")
			.header("Authorization", "Bearer " + admin)
			.exchange()).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(fetch("/api/exchange/providers", admin)).bodyJson()
			.extractingPath("$[*].host")
			.asArray()
			.doesNotContain("mz.example.gov.cn");

		List<AuditEvent> events = providerEvents("provider:mz.example.gov.cn");
		assertThat(events).extracting(AuditEvent::action)
			.containsExactly("exchange.provider.allow", "exchange.provider.allow", "exchange.provider.remove");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
			assertThat(event.actor().userId()).isEqualTo("admin");
		});
		assertThat(events.get(1).details()).containsEntry("timeoutMillis", 5000).containsEntry("maxConcurrentCalls", 8);
	}

	@Test
	void refusesBadHostsAndLimitsNamingTheField() {
		for (String host : List.of("bad_host", "evil.example.com:8080")) {
			MvcTestResult badHost = put("/api/exchange/providers/" + host, adminToken(), Map.of("description", "x"));
			assertProblem(badHost, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
			assertThat(badHost).bodyJson().extractingPath("$.errors[0].field").isEqualTo("host");
		}

		MvcTestResult badLimits = put("/api/exchange/providers/ga.example.gov.cn", adminToken(),
				Map.of("description", " ", "timeoutMillis", 10, "maxConcurrentCalls", 0));
		assertProblem(badLimits, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(badLimits).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("description", "timeoutMillis", "maxConcurrentCalls");
		assertThat(providerEvents("provider:ga.example.gov.cn")).isEmpty();

		assertProblem(this.mvc.delete()
			.uri("/api/exchange/providers/unknown.example.gov.cn")
			.header("Authorization", "Bearer " + adminToken())
			.exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void refusesEveryoneButTheAdministrator() {
		String operator = this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("operator-" + PROVIDER)
			.claim("client_id", "shutong-console")
			.claim("roles", List.of("DEPT_OPERATOR"))
			.claim("dept", PROVIDER));
		for (String token : List.of(token(PROVIDER, "catalog.write catalog.read exchange.query"), operator)) {
			assertProblem(fetch("/api/exchange/providers", token), HttpStatus.FORBIDDEN, "FORBIDDEN");
			assertProblem(put("/api/exchange/providers/evil.example.com", token, Map.of("description", "x")),
					HttpStatus.FORBIDDEN, "FORBIDDEN");
			assertProblem(this.mvc.delete()
				.uri("/api/exchange/providers/127.0.0.1")
				.header("Authorization", "Bearer " + token)
				.exchange(), HttpStatus.FORBIDDEN, "FORBIDDEN");
		}
		assertThat(this.mvc.get().uri("/api/exchange/providers").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(providerEvents("provider:evil.example.com")).isEmpty();
	}

	private String adminToken() {
		return this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("admin")
			.claim("client_id", "shutong-console")
			.claim("roles", List.of("ADMIN")));
	}

	private MvcTestResult put(String uri, String token, Object body) {
		return this.mvc.put()
			.uri(uri)
			.header("Authorization", "Bearer " + token)
			.contentType("application/json")
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	private List<AuditEvent> providerEvents(String resource) {
		return this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> resource.equals(event.resource()))
			.sorted(java.util.Comparator.comparing(AuditEvent::occurredAt))
			.toList();
	}

}
