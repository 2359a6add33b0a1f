package org.shutong.catalog.resource.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;
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
class ResourceControllerTests {

	private static final String AUDIENCE = "catalog-service";

	// Codes that sort before any other test's resources in the shared in-memory database.
	private static final String UPDATED = "AA-0001";

	private static final String RETIRED = "AA-0002";

	private static final String UNCHANGED = "AA-0003";

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private DataResourceRepository resources;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@BeforeEach
	void catalogue() {
		if (this.resources.findByCodeAndVersion(UPDATED, 1).isPresent()) {
			return;
		}
		this.resources.save(resource(UPDATED, 1, "户籍信息", false));
		this.resources.save(resource(UPDATED, 2, "户籍信息（含迁移）", false));
		this.resources.supersede(UPDATED, 2);
		this.resources.save(resource(RETIRED, 1, "旧婚姻登记信息", false));
		this.resources.save(resource(RETIRED, 2, "旧婚姻登记信息", true));
		this.resources.supersede(RETIRED, 2);
		this.resources.save(resource(UNCHANGED, 1, "企业登记信息", false));
	}

	@Test
	void listsTheNewestActiveVersionOfEachResourceByCode() {
		MvcTestResult result = get("/api/catalog/resources?page=0&size=2", scope("catalog.read"));
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.items[*].code").asArray().containsExactly(UPDATED, UNCHANGED);
		assertThat(result).bodyJson()
			.extractingPath("$.items[0]")
			.isEqualTo(Map.of("code", UPDATED, "version", 2, "name", "户籍信息（含迁移）", "provider", "11330100002482100A",
					"category", "公安", "securityLevel", 2, "sharingType", "CONDITIONAL"));
		assertThat(result).bodyJson().extractingPath("$.page").isEqualTo(0);
		assertThat(result).bodyJson().extractingPath("$.size").isEqualTo(2);
	}

	@Test
	void pagesThroughTheCatalogue() {
		MvcTestResult result = get("/api/catalog/resources?page=1&size=1", scope("catalog.read"));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.items[*].code").asArray().containsExactly(UNCHANGED);
		assertThat(result).bodyJson().extractingPath("$.page").isEqualTo(1);
	}

	@Test
	void startsAtTheFirstPageOfTwenty() {
		MvcTestResult result = get("/api/catalog/resources", scope("catalog.read"));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.page").isEqualTo(0);
		assertThat(result).bodyJson().extractingPath("$.size").isEqualTo(20);
		assertThat(result).bodyJson().extractingPath("$.items[0].code").isEqualTo(UPDATED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DEPT_OPERATOR", "AUDITOR", "ADMIN" })
	void opensToPeopleWithARoleThatReadsTheCatalogue(String role) {
		assertThat(get("/api/catalog/resources", this.gateway.withRole(AUDIENCE, role))).hasStatusOk();
	}

	@Test
	void refusesAPersonWithoutSuchARole() {
		assertProblem(get("/api/catalog/resources", this.gateway.withRole(AUDIENCE, "CITIZEN")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@Test
	void refusesASystemWithoutTheScope() {
		assertProblem(get("/api/catalog/resources", scope("catalog.write exchange.query")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
	}

	@Test
	void refusesACallerWithoutAToken() {
		MvcTestResult result = this.mvc.get().uri("/api/catalog/resources").exchange();
		assertProblem(result, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
		assertThat(result).headers()
			.hasHeaderSatisfying("WWW-Authenticate", (values) -> assertThat(values.get(0)).startsWith("Bearer"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=0", "size=101", "page=-1", "page=1000001", "size=ten" })
	void refusesABadPage(String paging) {
		MvcTestResult result = get("/api/catalog/resources?" + paging, scope("catalog.read"));
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo(paging.substring(0, paging.indexOf('=')));
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	private String scope(String scopes) {
		return this.gateway.withScopes(AUDIENCE, scopes);
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
	}

	private static DataResource resource(String code, int version, String name, boolean retired) {
		DataResource resource = new DataResource(code, version, "11330100002482100A",
				new DataResource.Description(name, "由市公安局提供", "公安"),
				new DataResource.Grading(2, SharingType.CONDITIONAL, "仅限政务服务事项", OpenType.NOT_OPEN, UpdateCycle.DAILY),
				new DataResource.Endpoint("https://ga.example.gov/api/households", "POST"),
				List.of(new DataItem("name", "string", "姓名", true)), Instant.now());
		if (retired) {
			resource.retire();
		}
		return resource;
	}

}
