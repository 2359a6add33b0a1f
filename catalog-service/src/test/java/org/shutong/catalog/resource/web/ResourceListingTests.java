package org.shutong.catalog.resource.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shutong.catalog.resource.Departments;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.json.JsonMapper;

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
import static org.shutong.catalog.resource.web.ResourceFixtures.body;
import static org.shutong.catalog.resource.web.ResourceFixtures.writer;
import static org.shutong.catalog.resource.web.ResourcePublishingTests.assertProblem;

/**
 * The catalogue's filters: each narrows the newest versions, retired resources only when
 * asked for, a total beside the page, and bad filters named in one 400.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ResourceListingTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper json;

	private String department;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	/**
	 * One provider's catalogue: GA-1 (level 3, CONDITIONAL), GA-2 (level 1,
	 * UNCONDITIONAL), MZ-1 (level 3, NOT_SHARED, then updated to level 4), GA-3 retired.
	 */
	@BeforeEach
	void catalogue() {
		this.department = Departments.fresh();
		publish("GA", 3, "CONDITIONAL");
		publish("GA", 1, "UNCONDITIONAL");
		String mz = publish("MZ", 3, "NOT_SHARED");
		Map<String, Object> level4 = resource("MZ", 4, "NOT_SHARED");
		assertThat(send(this.mvc.put().uri("/api/catalog/resources/" + mz), level4)).hasStatusOk();
		String retired = publish("GA", 2, "UNCONDITIONAL");
		assertThat(send(this.mvc.post().uri("/api/catalog/resources/" + retired + "/retire"), Map.of())).hasStatusOk();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "|GA-000001 GA-000002 MZ-000001", "category=GA|GA-000001 GA-000002", "category=MZ|MZ-000001",
					"category=SW|", "sharingType=UNCONDITIONAL|GA-000002", "securityLevel=3|GA-000001",
					"securityLevel=4|MZ-000001", "category=GA&securityLevel=1&sharingType=UNCONDITIONAL|GA-000002",
					"status=RETIRED|GA-000003", "status=PUBLISHED&category=GA|GA-000001 GA-000002" })
	void filtersTheNewestVersions(String filter, String expected) {
		MvcTestResult result = list((filter != null) ? filter : "");
		assertThat(result).hasStatusOk();
		List<String> codes = (expected != null) ? List.of(expected.split(" ")) : List.of();
		assertThat(result).bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.containsExactlyElementsOf(
					codes.stream().map((code) -> code.substring(0, 3) + this.department + code.substring(2)).toList());
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(codes.size());
	}

	@Test
	void showsTheNewestVersionAndCountsAllPages() {
		MvcTestResult result = list("category=MZ");
		assertThat(result).bodyJson().extractingPath("$.items[0].version").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.items[0].securityLevel").isEqualTo(4);
		MvcTestResult page = list("size=1&page=1");
		assertThat(page).bodyJson()
			.extractingPath("$.items[*].code")
			.asArray()
			.containsExactly("GA-" + this.department + "-000002");
		assertThat(page).bodyJson().extractingPath("$.total").isEqualTo(3);
	}

	@Test
	void namesEveryBadFilter() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/catalog/resources?category=公安&sharingType=ALL&provider=123&securityLevel=5&status=ACTIVE")
			.header("Authorization",
					"Bearer " + GatewayStandIn.shared().withScopes(ResourceFixtures.AUDIENCE, "catalog.read"))
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("category", "sharingType", "provider", "securityLevel", "status");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[4].message")
			.isEqualTo("must be one of [PUBLISHED, RETIRED]");
	}

	private MvcTestResult list(String filter) {
		String separator = filter.isEmpty() ? "" : "&";
		return this.mvc.get()
			.uri("/api/catalog/resources?provider=" + this.department + separator + filter)
			.header("Authorization",
					"Bearer " + GatewayStandIn.shared().withRole(ResourceFixtures.AUDIENCE, "DEPT_OPERATOR"))
			.exchange();
	}

	private String publish(String category, int level, String sharingType) {
		MvcTestResult result = send(this.mvc.post().uri("/api/catalog/resources"),
				resource(category, level, sharingType));
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return (String) this.json.readValue(result.getResponse().getContentAsByteArray(), Map.class).get("code");
	}

	private static Map<String, Object> resource(String category, int level, String sharingType) {
		Map<String, Object> body = body(category, "资源 " + category + level);
		body.put("securityLevel", level);
		body.put("sharingType", sharingType);
		return body;
	}

	private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, Object body) {
		return request.header("Authorization", "Bearer " + writer(this.department))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

}
