package org.shutong.catalog.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.SharingType;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the sharing workflow answers with its problem, changes nothing and
 * leaves no audit event.
 */
class SharingRefusalTests extends SharingTest {

	@Test
	void refusesAResourceThatIsNotShared() {
		String resource = resource(SharingType.NOT_SHARED, "name");
		assertProblem(file(consumer(), resource, valid("name")), HttpStatus.CONFLICT, "NOT_SHARED");
		assertNothingAudited(resource);
	}

	@Test
	void refusesARetiredResource() {
		String resource = SharingFixtures.code("GA");
		DataResource retired = SharingFixtures.resource(resource, 1, SharingFixtures.PROVIDER, SharingType.CONDITIONAL,
				"name");
		retired.retire();
		this.resources.save(retired);
		assertProblem(file(consumer(), resource, valid("name")), HttpStatus.CONFLICT, "RESOURCE_RETIRED");
		assertNothingAudited(resource);
	}

	@Test
	void refusesTheDepartmentsOwnResource() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		assertProblem(file(system(SharingFixtures.PROVIDER, "sharing.apply"), resource, valid("name")),
				HttpStatus.CONFLICT, "OWN_RESOURCE");
		assertNothingAudited(resource);
	}

	@Test
	void refusesAnUnknownResource() {
		assertProblem(file(consumer(), "NO-SUCH-RESOURCE", valid("name")), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void namesEachItemTheResourceDoesNotHave() {
		String resource = resource(SharingType.CONDITIONAL, "name", "idNumber");
		MvcTestResult refused = file(consumer(), resource,
				valid("name", "salary", "idNumber", "criminalRecord", "name"));
		assertInvalid(refused, "items[1]", "items[3]", "items[4]");
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("is not an item of resource " + resource + " version 1");
		assertThat(refused).bodyJson().extractingPath("$.errors[2].message").isEqualTo("is listed more than once");
		assertNothingAudited(resource);
	}

	@Test
	void refusesAValidityInThePastOrBeyondThreeYears() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		for (Instant validUntil : List.of(this.clock.instant().minusSeconds(1), this.clock.instant(),
				this.clock.instant().plus(Duration.ofDays(3 * 366)))) {
			MvcTestResult refused = file(consumer(), resource, application(List.of("name"), validUntil));
			assertInvalid(refused, "validUntil");
		}
		assertThat(file(consumer(), resource,
				application(List.of("name"), this.clock.instant().plus(Duration.ofDays(3 * 365)))))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void refusesNoItems() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		assertInvalid(file(consumer(), resource, valid()), "items");
		assertNothingAudited(resource);
	}

	@Test
	void namesEveryMissingOrBlankField() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		Map<String, Object> body = new HashMap<>();
		body.put("purpose", " ");
		body.put("items", List.of("name", ""));
		body.put("serviceItemCode", "含空格 的事项");
		assertInvalid(file(consumer(), resource, body), "purpose", "legalBasis", "items[1]", "serviceItemCode",
				"validUntil");
	}

	@Test
	void refusesAWrongTypeInTheBody() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		Map<String, Object> body = new HashMap<>(valid("name"));
		body.put("validUntil", "next year");
		MvcTestResult refused = file(consumer(), resource, body);
		assertInvalid(refused, "validUntil");
	}

	@Test
	void refusesASystemWithoutTheApplyScope() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		assertProblem(file(system(SharingFixtures.CONSUMER, "catalog.read sharing.review"), resource, valid("name")),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(file(operator(SharingFixtures.CONSUMER), resource, valid("name")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertNothingAudited(resource);
	}

	@Test
	void refusesACallerWithoutAToken() {
		MvcTestResult refused = this.mvc.post()
			.uri("/api/catalog/resources/ANY/applications")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();
		assertProblem(refused, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	@Test
	void refusesATokenWithoutADepartment() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		String token = this.gateway.withScopes(AUDIENCE, "sharing.apply");
		assertProblem(file(token, resource, valid("name")), HttpStatus.FORBIDDEN, "NO_DEPARTMENT");
		assertProblem(get("/api/catalog/applications?side=consumer", token), HttpStatus.FORBIDDEN, "NO_DEPARTMENT");
	}

	@Test
	void refusesAnotherDepartmentDecidingOrReadingTheApplication() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));
		for (String token : List.of(system(SharingFixtures.OTHER, "sharing.review"), operator(SharingFixtures.OTHER))) {
			assertProblem(post("/api/catalog/applications/" + id + "/approve", token, Map.of()), HttpStatus.FORBIDDEN,
					"NOT_PROVIDER");
			assertProblem(post("/api/catalog/applications/" + id + "/reject", token, Map.of("reason", "不同意")),
					HttpStatus.FORBIDDEN, "NOT_PROVIDER");
			assertProblem(get("/api/catalog/applications/" + id, token), HttpStatus.NOT_FOUND, "NOT_FOUND");
		}
		assertStillPending(id);
		assertOnlyFiled(resource);
	}

	@Test
	void refusesADepartmentApprovingItsOwnApplication() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));
		for (String token : List.of(system(SharingFixtures.CONSUMER, "sharing.apply sharing.review"),
				operator(SharingFixtures.CONSUMER))) {
			assertProblem(post("/api/catalog/applications/" + id + "/approve", token, Map.of()), HttpStatus.FORBIDDEN,
					"OWN_APPLICATION");
		}
		assertStillPending(id);
		assertOnlyFiled(resource);
	}

	@Test
	void refusesTheConsumerSystemWithoutTheApproveScope() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));
		assertProblem(post("/api/catalog/applications/" + id + "/approve",
				system(SharingFixtures.PROVIDER, "sharing.apply"), Map.of()), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertStillPending(id);
	}

	@Test
	void refusesAnApprovalThatWidensTheItems() {
		String resource = resource(SharingType.CONDITIONAL, "name", "idNumber", "address");
		String id = fileApplication(resource, List.of("name", "idNumber"));
		String url = "/api/catalog/applications/" + id + "/approve";
		MvcTestResult widened = post(url, provider(), Map.of("items", List.of("name", "address", "salary")));
		assertInvalid(widened, "items[1]", "items[2]");
		assertThat(widened).bodyJson().extractingPath("$.errors[0].message").isEqualTo("was not applied for");
		assertInvalid(post(url, provider(), Map.of("items", List.of())), "items");
		assertInvalid(post(url, provider(), Map.of("items", List.of("name", "name"))), "items[1]");
		List<String> blank = new ArrayList<>();
		blank.add(" ");
		assertInvalid(post(url, provider(), Map.of("items", blank)), "items[0]");
		assertStillPending(id);
		assertOnlyFiled(resource);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"reason\": \"  \"}", "{\"reason\": null}" })
	void refusesARejectionWithoutAReason(String body) {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));
		MvcTestResult refused = this.mvc.post()
			.uri("/api/catalog/applications/" + id + "/reject")
			.header("Authorization", "Bearer " + provider())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertInvalid(refused, "reason");
		assertStillPending(id);
		assertOnlyFiled(resource);
	}

	@Test
	void refusesDecidingAnApplicationTwice() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));
		assertThat(post("/api/catalog/applications/" + id + "/approve", provider(), Map.of())).hasStatusOk();
		assertProblem(post("/api/catalog/applications/" + id + "/approve", provider(), Map.of()), HttpStatus.CONFLICT,
				"APPLICATION_DECIDED");
		assertProblem(post("/api/catalog/applications/" + id + "/reject", provider(), Map.of("reason", "重复")),
				HttpStatus.CONFLICT, "APPLICATION_DECIDED");
		assertThat(auditEvents(resource)).extracting((event) -> event.action())
			.containsExactly("sharing.application.file", "sharing.application.approve");
	}

	@Test
	void refusesApprovingAnUnconditionalApplicationAgain() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		MvcTestResult filed = file(consumer(), resource, valid("name"));
		assertProblem(post("/api/catalog/applications/" + read(filed, "$.id") + "/approve", provider(), Map.of()),
				HttpStatus.CONFLICT, "APPLICATION_DECIDED");
	}

	@Test
	void refusesRevokingTwiceOrByTheConsumer() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		String grantId = read(file(consumer(), resource, valid("name")), "$.grantId");
		String url = "/api/catalog/grants/" + grantId + "/revoke";
		assertProblem(post(url, operator(SharingFixtures.CONSUMER), Map.of("reason", "不再需要")), HttpStatus.FORBIDDEN,
				"NOT_PROVIDER");
		assertProblem(post(url, system(SharingFixtures.OTHER, "sharing.review"), Map.of("reason", "不再需要")),
				HttpStatus.FORBIDDEN, "NOT_PROVIDER");
		assertInvalid(post(url, provider(), Map.of()), "reason");
		assertThat(post(url, provider(), Map.of("reason", "共享条件变更"))).hasStatusOk();
		assertProblem(post(url, provider(), Map.of("reason", "共享条件变更")), HttpStatus.CONFLICT, "GRANT_NOT_ACTIVE");
		assertThat(auditEvents(resource)).extracting((event) -> event.action())
			.containsExactly("sharing.application.file", "sharing.application.approve", "sharing.grant.revoke");
		assertProblem(get("/api/catalog/grants/" + grantId, system(SharingFixtures.OTHER, "sharing.apply")),
				HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void refusesUnknownApplicationsAndGrants() {
		assertProblem(post("/api/catalog/applications/nope/approve", provider(), Map.of()), HttpStatus.NOT_FOUND,
				"NOT_FOUND");
		assertProblem(post("/api/catalog/grants/nope/revoke", provider(), Map.of("reason", "x")), HttpStatus.NOT_FOUND,
				"NOT_FOUND");
		assertProblem(get("/api/catalog/grants/nope", provider()), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "side=both", "side=PROVIDER&status=DONE", "side=consumer&size=0", "side=consumer&page=-1" })
	void refusesBadListParameters(String query) {
		String field = query.contains("status") ? "status"
				: query.contains("size") ? "size" : query.contains("page") ? "page" : "side";
		assertInvalid(get("/api/catalog/applications?" + query, consumer()), field);
		assertInvalid(get("/api/catalog/grants?" + query.replace("DONE", "LOST"), consumer()), field);
	}

	@Test
	void refusesAListWithoutASide() {
		assertInvalid(get("/api/catalog/applications", consumer()), "side");
		assertInvalid(get("/api/catalog/grants?status=ACTIVE", consumer()), "side");
	}

	@Test
	void refusesListingWithoutASharingScopeOrRole() {
		assertProblem(get("/api/catalog/applications?side=consumer", system(SharingFixtures.CONSUMER, "catalog.read")),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(get("/api/catalog/grants?side=consumer", this.gateway.withRole(AUDIENCE, "CITIZEN")),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	private Map<String, Object> valid(String... items) {
		return application(List.of(items), this.clock.instant().plus(Duration.ofDays(90)));
	}

	private void assertStillPending(String id) {
		assertThat(get("/api/catalog/applications/" + id, consumer())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("PENDING");
	}

	private void assertOnlyFiled(String resource) {
		assertThat(auditEvents(resource)).extracting((event) -> event.action())
			.containsExactly("sharing.application.file");
	}

	private void assertNothingAudited(String resource) {
		assertThat(outboxRowsMentioning(resource)).isZero();
	}

}
