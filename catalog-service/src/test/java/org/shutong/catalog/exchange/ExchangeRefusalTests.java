package org.shutong.catalog.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.ResourceCatalogue;
import org.shutong.catalog.sharing.Grant;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is a problem that names the receipt, never calls the provider, and is
 * audited as denied with the reason, like a query that was answered.
 */
class ExchangeRefusalTests extends ExchangeTest {

	@Autowired
	private ResourceCatalogue catalogue;

	@Test
	void refusesADepartmentWithoutAGrant() {
		String resource = stubbed("/no-grant");

		assertRefused(resource, ask(resource, query()), HttpStatus.FORBIDDEN, "NO_GRANT");
	}

	@Test
	void refusesARevokedGrant() {
		String resource = stubbed("/revoked");
		Grant grant = grant(resource, false, "address");
		this.sharing.revoke(system(PROVIDER, "sharing.review"), grant.id(), "事项已办结");

		assertRefused(resource, ask(resource, query()), HttpStatus.FORBIDDEN, "GRANT_REVOKED");
	}

	@Test
	void refusesAnExpiredGrant() {
		String resource = stubbed("/expired");
		grant(resource, false, "address");
		this.clock.advance(Duration.ofDays(31));
		try {
			assertRefused(resource, ask(resource, query()), HttpStatus.FORBIDDEN, "GRANT_EXPIRED");
		}
		finally {
			this.clock.advance(Duration.ofDays(-31));
		}
	}

	@Test
	void refusesAGrantForAnotherServiceItem() {
		String resource = stubbed("/other-item");
		grant(resource, false, "address");
		Map<String, Object> query = new LinkedHashMap<>(query());
		query.put("serviceItemCode", "330100-MZ-9999");

		assertRefused(resource, ask(resource, query), HttpStatus.FORBIDDEN, "NO_GRANT");
	}

	@Test
	void refusesAnotherDepartmentUsingTheConsumersGrant() {
		String resource = stubbed("/other-department");
		grant(resource, false, "address");

		MvcTestResult answer = send("/api/exchange/" + resource + "/query", token(OTHER, "exchange.query"), query());

		assertRefused(resource, answer, HttpStatus.FORBIDDEN, "NO_GRANT");
		assertThat(onlyQueryEvent(resource).actor().departmentCode()).isEqualTo(OTHER);
	}

	@Test
	void refusesACallerWithoutTheScopeOrADepartment() {
		String resource = stubbed("/no-scope");
		grant(resource, false, "address");

		assertRefused(resource, send("/api/exchange/" + resource + "/query", token(CONSUMER, "catalog.read"), query()),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		String noDepartment = this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("a-service")
			.claim("client_id", "a-service")
			.claim("scope", "exchange.query"));
		MvcTestResult answer = send("/api/exchange/" + resource + "/query", noDepartment, query());
		assertProblem(answer, HttpStatus.FORBIDDEN, "NO_DEPARTMENT");
		assertThat(queryEvents(resource)).hasSize(2).allSatisfy((event) -> {
			assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
		});
		assertThat(this.mvc.post().uri("/api/exchange/" + resource + "/query").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void refusesParametersTheEndpointDoesNotDeclareOrOfTheWrongType() {
		String resource = stubbed("/parameters");
		grant(resource, false, "address");

		MvcTestResult answer = ask(resource,
				query(Map.of("idNumber", ID_NUMBER, "asOf", "yesterday", "mobile", "13812345678")));

		assertRefused(resource, answer, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(answer).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("parameters.mobile", "parameters.asOf");
		assertThat(answer).bodyJson()
			.extractingPath("$.errors[?(@.field == 'parameters.asOf')].message")
			.asArray()
			.containsExactly("must be of type date");
	}

	@Test
	void refusesAQueryWithoutARequiredParameter() {
		String resource = stubbed("/required");
		grant(resource, false, "address");

		MvcTestResult answer = ask(resource, query(Map.of("asOf", "2026-11-01")));

		assertRefused(resource, answer, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parameters.idNumber");
	}

	@Test
	void refusesOversizeParametersAndMissingFieldsAllAtOnce() {
		String resource = stubbed("/oversize");
		grant(resource, false, "address");
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("idNumber", "1".repeat(257));
		parameters.put("asOf", Map.of("nested", true));

		MvcTestResult answer = ask(resource, Map.of("parameters", parameters, "serviceItemCode", "no spaces allowed"));

		assertRefused(resource, answer, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(answer).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("purpose", "serviceItemCode", "parameters.idNumber", "parameters.asOf");
		Map<String, Object> tooMany = new LinkedHashMap<>();
		for (int i = 0; i <= QueryChecks.MAX_PARAMETERS; i++) {
			tooMany.put("p" + i, i);
		}
		MvcTestResult many = ask(resource, query(tooMany));
		assertProblem(many, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(many).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parameters");
		assertThat(queryEvents(resource)).hasSize(2);
	}

	@Test
	void refusesAnUnknownOrRetiredResource() {
		assertProblem(ask("GA-unknown", query()), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertThat(queryEvents("GA-unknown")).singleElement()
			.satisfies((event) -> assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED));

		String resource = stubbed("/retired");
		grant(resource, false, "address");
		this.catalogue.retire(system(PROVIDER, "catalog.write"), resource, "停止共享");
		assertRefused(resource, ask(resource, query()), HttpStatus.CONFLICT, "RESOURCE_RETIRED");
	}

	@Test
	void refusesPastTheGrantsBudgetWithRetryAfter() {
		String resource = stubbed("/budget");
		grant(resource, false, "address");
		for (int i = 0; i < 20; i++) {
			assertThat(ask(resource, query())).hasStatusOk();
		}

		MvcTestResult answer = ask(resource, query());

		assertRefused(resource, answer, HttpStatus.TOO_MANY_REQUESTS, "QUOTA_EXCEEDED", 20);
		assertThat(Long.parseLong(answer.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
	}

	private String stubbed(String path) {
		String resource = resource(1, path);
		providerSystem.stubFor(post(path).willReturn(okJson("[{\"address\": \"甲\"}]")));
		return resource;
	}

	private void assertRefused(String resource, MvcTestResult answer, HttpStatus status, String code) {
		assertRefused(resource, answer, status, code, 0);
	}

	/**
	 * A refusal with its problem and receipt, audited as denied, the provider called only
	 * before.
	 */
	private void assertRefused(String resource, MvcTestResult answer, HttpStatus status, String code,
			int earlierCalls) {
		assertProblem(answer, status, code);
		String receiptId = read(answer, "$.receiptId");
		AuditEvent event = queryEvents(resource).getLast();
		assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(event.details()).containsEntry("receiptId", receiptId)
			.containsEntry("problem", code)
			.containsEntry("rowCount", 0);
		String path = this.resources.findFirstByCodeOrderByVersionDesc(resource).orElseThrow().endpoint().url();
		providerSystem.verify(earlierCalls, postRequestedFor(urlEqualTo(URI.create(path).getRawPath())));
	}

}
