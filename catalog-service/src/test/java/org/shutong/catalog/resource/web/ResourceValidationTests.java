package org.shutong.catalog.resource.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.Departments;
import org.shutong.catalog.resource.ResourceStatus;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shutong.catalog.resource.web.ResourceFixtures.body;
import static org.shutong.catalog.resource.web.ResourceFixtures.item;
import static org.shutong.catalog.resource.web.ResourceFixtures.writer;
import static org.shutong.catalog.resource.web.ResourcePublishingTests.assertProblem;

/**
 * Every bad field of a resource is a 400 problem that names it, and a refused request
 * stores nothing and audits nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ResourceValidationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private DataResourceRepository resources;

	@Autowired
	private EventPublicationRepository publications;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	static Stream<Arguments> badFields() {
		return Stream.of(bad("name missing", (b) -> b.remove("name"), "name", "is required"),
				bad("name blank", (b) -> b.put("name", "   "), "name", "is required"),
				bad("name too long", (b) -> b.put("name", "名".repeat(201)), "name", "must be at most 200 characters"),
				bad("description missing", (b) -> b.remove("description"), "description", "is required"),
				bad("description too long", (b) -> b.put("description", "x".repeat(2001)), "description",
						"must be at most 2000 characters"),
				bad("category missing", (b) -> b.remove("category"), "category", "is required"),
				bad("category unknown", (b) -> b.put("category", "公安"), "category",
						"must be one of [GA, MZ, RS, SC, WJ, JY, ZJ, ZR, SW, JT, ST, SF, TJ, CZ, QT]"),
				bad("level missing", (b) -> b.remove("securityLevel"), "securityLevel", "is required"),
				bad("level 0", (b) -> b.put("securityLevel", 0), "securityLevel", "must be between 1 and 4"),
				bad("level 5", (b) -> b.put("securityLevel", 5), "securityLevel", "must be between 1 and 4"),
				bad("sharing type unknown", (b) -> b.put("sharingType", "SOMETIMES"), "sharingType",
						"must be one of [UNCONDITIONAL, CONDITIONAL, NOT_SHARED]"),
				bad("sharing type missing", (b) -> b.remove("sharingType"), "sharingType", "is required"),
				bad("conditional without condition", (b) -> b.remove("sharingCondition"), "sharingCondition",
						"is required"),
				bad("condition too long", (b) -> b.put("sharingCondition", "条".repeat(1001)), "sharingCondition",
						"must be at most 1000 characters"),
				bad("open type unknown", (b) -> b.put("openType", "PUBLIC"), "openType",
						"must be one of [OPEN, CONDITIONAL, NOT_OPEN]"),
				bad("update cycle unknown", (b) -> b.put("updateCycle", "HOURLY"), "updateCycle",
						"must be one of [REALTIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY]"),
				bad("items empty", (b) -> b.put("items", List.of()), "items", "must list at least one data item"),
				bad("items missing", (b) -> b.remove("items"), "items", "must list at least one data item"),
				bad("item names repeated", (b) -> items(b).add(item("name", "integer", false)), "items[2].name",
						"must be unique among the items; 'name' is listed twice"),
				bad("item type unknown", (b) -> items(b).set(0, item("name", "varchar", true)), "items[0].type",
						"must be one of [string, integer, decimal, boolean, date, datetime, binary]"),
				bad("item name missing", (b) -> items(b).get(1).remove("name"), "items[1].name", "is required"),
				bad("item name too long", (b) -> items(b).set(1, item("n".repeat(101), "date", false)), "items[1].name",
						"must be at most 100 characters"),
				bad("item description too long", (b) -> items(b).get(0).put("description", "d".repeat(501)),
						"items[0].description", "must be at most 500 characters"),
				bad("item sensitivity missing", (b) -> items(b).get(0).remove("sensitive"), "items[0].sensitive",
						"is required"),
				bad("endpoint missing", (b) -> b.remove("endpoint"), "endpoint", "is required"),
				bad("endpoint ftp", (b) -> endpoint(b).put("url", "ftp://ga.example.gov/households"), "endpoint.url",
						"must be an absolute http or https URL with a host"),
				bad("endpoint without host", (b) -> endpoint(b).put("url", "https:///households"), "endpoint.url",
						"must be an absolute http or https URL with a host"),
				bad("endpoint relative", (b) -> endpoint(b).put("url", "/api/households"), "endpoint.url",
						"must be an absolute http or https URL with a host"),
				bad("endpoint not a URL", (b) -> endpoint(b).put("url", "https://ga example/"), "endpoint.url",
						"must be an absolute http or https URL with a host"),
				bad("endpoint url missing", (b) -> endpoint(b).remove("url"), "endpoint.url", "is required"),
				bad("endpoint url too long", (b) -> endpoint(b).put("url", "https://ga.example.gov/" + "a".repeat(480)),
						"endpoint.url", "must be at most 500 characters"),
				bad("endpoint method unknown", (b) -> endpoint(b).put("method", "DELETE"), "endpoint.method",
						"must be one of [GET, POST]"),
				bad("parameter type unknown", (b) -> parameter(b).put("type", "text"), "endpoint.parameters[0].type",
						"must be one of [string, integer, decimal, boolean, date, datetime, binary]"),
				bad("parameter required missing", (b) -> parameter(b).remove("required"),
						"endpoint.parameters[0].required", "is required"),
				bad("level not a number", (b) -> b.put("securityLevel", "high"), "securityLevel",
						"must be a valid integer"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFields")
	void refusesAPublishWithABadField(String label, Consumer<Map<String, Object>> breakIt, String field,
			String message) {
		String department = Departments.fresh();
		Map<String, Object> body = body("GA", "户籍信息");
		breakIt.accept(body);
		MvcTestResult result = send("/api/catalog/resources", department, body, false);
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.isEqualTo(List.of(Map.of("field", field, "message", message)));
		assertNothingStoredFor(department);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFields")
	void refusesAnUpdateWithABadField(String label, Consumer<Map<String, Object>> breakIt, String field,
			String message) {
		String department = Departments.fresh();
		assertThat(send("/api/catalog/resources", department, body("GA", "户籍信息"), false)).hasStatus(HttpStatus.CREATED);
		String code = "GA-" + department + "-000001";
		Map<String, Object> body = body("GA", "户籍信息");
		breakIt.accept(body);
		MvcTestResult result = send("/api/catalog/resources/" + code, department, body, true);
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		assertThat(this.resources.findVersions(code)).hasSize(1);
	}

	@Test
	void namesEveryBadFieldInOneAnswer() {
		String department = Departments.fresh();
		Map<String, Object> body = body("XX", "");
		body.put("securityLevel", 9);
		body.remove("sharingCondition");
		body.put("openType", "PUBLIC");
		body.put("updateCycle", null);
		items(body).add(item("name", "text", false));
		endpoint(body).put("url", "mailto:ga@example.gov");
		parameter(body).put("type", "json");
		MvcTestResult result = send("/api/catalog/resources", department, body, false);
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("name", "category", "securityLevel", "sharingCondition", "openType", "updateCycle",
					"items[2].name", "items[2].type", "endpoint.url", "endpoint.parameters[0].type");
		assertNothingStoredFor(department);
	}

	@Test
	void refusesAnOverlongRetirementReason() {
		String department = Departments.fresh();
		assertThat(send("/api/catalog/resources", department, body("GA", "户籍信息"), false)).hasStatus(HttpStatus.CREATED);
		String code = "GA-" + department + "-000001";
		MvcTestResult result = this.mvc.post()
			.uri("/api/catalog/resources/" + code + "/retire")
			.header("Authorization", "Bearer " + writer(department))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("reason", "因".repeat(501))))
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.isEqualTo(List.of(Map.of("field", "reason", "message", "must be at most 500 characters")));
		assertThat(this.resources.findVersions(code)).singleElement()
			.satisfies((version) -> assertThat(version.status()).isEqualTo(ResourceStatus.ACTIVE));
	}

	private void assertNothingStoredFor(String department) {
		assertThat(this.resources.findNewest(ResourceStatus.ACTIVE, null, null, department, null, PageRequest.of(0, 10))
			.getTotalElements()).isZero();
		assertThat(this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> department.equals(event.actor().departmentCode()))).isEmpty();
	}

	private MvcTestResult send(String uri, String department, Map<String, Object> body, boolean put) {
		var request = put ? this.mvc.put().uri(uri) : this.mvc.post().uri(uri);
		return request.header("Authorization", "Bearer " + writer(department))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	private static Arguments bad(String label, Consumer<Map<String, Object>> breakIt, String field, String message) {
		return Arguments.of(label, breakIt, field, message);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("items");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> endpoint(Map<String, Object> body) {
		return (Map<String, Object>) body.get("endpoint");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parameter(Map<String, Object> body) {
		return ((List<Map<String, Object>>) endpoint(body).get("parameters")).get(0);
	}

}
