package org.shutong.catalog.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.EndpointParameter;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;
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

/**
 * {@code GET /api/catalog/resources/{code}/quality} and the provider's update reports.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class QualityEndpointTests {

	static final String PROVIDER = "11330100002482100A";

	static final String OTHER = "113301000024825001";

	final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataResourceRepository resources;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void aNewResourceWasNeverReportedAndNamesItsMissingMetadata() {
		String code = resource(ActiveOrRetired.ACTIVE);
		MvcTestResult result = get(code, system(OTHER, "catalog.read"));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.version").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.completeness.score").isEqualTo(75);
		assertThat(result).bodyJson().extractingPath("$.completeness.filled").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.completeness.total").isEqualTo(4);
		assertThat(result).bodyJson()
			.extractingPath("$.completeness.missing")
			.asArray()
			.containsExactly("items[1].description");
		assertThat(result).bodyJson().extractingPath("$.freshness.status").isEqualTo("NEVER_REPORTED");
		assertThat(result).bodyJson().extractingPath("$.freshness.updateCycle").isEqualTo("DAILY");
		assertThat(result).bodyJson().extractingPath("$.freshness.dueAt").isEqualTo("2026-01-02T00:00:00Z");
		assertThat(result).bodyJson().extractingPath("$.querySuccessRate.value").isNull();
		assertThat(result).bodyJson().extractingPath("$.querySuccessRate.asked").isEqualTo(0);
		assertThat(result).bodyJson().extractingPath("$.querySuccessRate.days").isEqualTo(30);
	}

	@Test
	void aRecentUpdateReportIsFreshAndAnOldOneStale() {
		String code = resource(ActiveOrRetired.ACTIVE);
		Instant recent = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		MvcTestResult reported = report(code, system(PROVIDER, "catalog.write"),
				Map.of("updatedAt", recent.toString()));
		assertThat(reported).hasStatus(HttpStatus.CREATED);
		assertThat(reported).bodyJson().extractingPath("$.updatedAt").isEqualTo(recent.toString());
		MvcTestResult fresh = get(code, operator(OTHER));
		assertThat(fresh).bodyJson().extractingPath("$.freshness.status").isEqualTo("FRESH");
		assertThat(fresh).bodyJson().extractingPath("$.freshness.lastUpdatedAt").isEqualTo(recent.toString());
		assertThat(fresh).bodyJson()
			.extractingPath("$.freshness.dueAt")
			.isEqualTo(recent.plus(Duration.ofDays(1)).toString());

		// An older report does not undo the newer update.
		Instant old = recent.minus(Duration.ofDays(3));
		assertThat(report(code, operator(PROVIDER), Map.of("updatedAt", old.toString()))).hasStatus(HttpStatus.CREATED);
		assertThat(get(code, operator(OTHER))).bodyJson().extractingPath("$.freshness.status").isEqualTo("FRESH");

		String staleCode = resource(ActiveOrRetired.ACTIVE);
		assertThat(report(staleCode, system(PROVIDER, "catalog.write"), Map.of("updatedAt", old.toString())))
			.hasStatus(HttpStatus.CREATED);
		MvcTestResult stale = get(staleCode, system(OTHER, "catalog.read"));
		assertThat(stale).bodyJson().extractingPath("$.freshness.status").isEqualTo("STALE");
		assertThat(stale).bodyJson()
			.extractingPath("$.freshness.dueAt")
			.isEqualTo(old.plus(Duration.ofDays(1)).toString());
	}

	@Test
	void refusesReadersWithoutTheScopeOrARoleAndUnknownResources() {
		String code = resource(ActiveOrRetired.ACTIVE);
		assertProblem(get(code, system(OTHER, "sharing.apply")), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertThat(this.mvc.get().uri("/api/catalog/resources/" + code + "/quality").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertProblem(get("GA-" + UUID.randomUUID(), system(OTHER, "catalog.read")), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
	}

	@Test
	void onlyTheProviderReportsUpdatesOfAResourceNotRetired() {
		String code = resource(ActiveOrRetired.ACTIVE);
		Map<String, String> body = Map.of("updatedAt", Instant.now().minusSeconds(60).toString());
		assertProblem(report(code, system(OTHER, "catalog.write"), body), HttpStatus.FORBIDDEN, "NOT_PROVIDER");
		assertProblem(report(code, operator(OTHER), body), HttpStatus.FORBIDDEN, "NOT_PROVIDER");
		assertProblem(report(code, system(PROVIDER, "catalog.read"), body), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(report("GA-" + UUID.randomUUID(), system(PROVIDER, "catalog.write"), body), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
		assertProblem(report(resource(ActiveOrRetired.RETIRED), system(PROVIDER, "catalog.write"), body),
				HttpStatus.CONFLICT, "RESOURCE_RETIRED");
		assertThat(get(code, system(OTHER, "catalog.read"))).bodyJson()
			.extractingPath("$.freshness.status")
			.isEqualTo("NEVER_REPORTED");
	}

	@Test
	void aMissingFutureOrMalformedUpdateTimeIsA400NamingIt() {
		String code = resource(ActiveOrRetired.ACTIVE);
		String token = system(PROVIDER, "catalog.write");
		assertInvalidUpdatedAt(report(code, token, Map.of()));
		assertInvalidUpdatedAt(report(code, token, Map.of("updatedAt", Instant.now().plusSeconds(3600).toString())));
		assertInvalidUpdatedAt(report(code, token, Map.of("updatedAt", "yesterday")));
		assertThat(get(code, system(OTHER, "catalog.read"))).bodyJson()
			.extractingPath("$.freshness.status")
			.isEqualTo("NEVER_REPORTED");
	}

	private void assertInvalidUpdatedAt(MvcTestResult result) {
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("updatedAt");
	}

	enum ActiveOrRetired {

		ACTIVE, RETIRED

	}

	private String resource(ActiveOrRetired status) {
		String code = "GA-" + UUID.randomUUID().toString().substring(0, 8);
		DataResource resource = new DataResource(code, 1, PROVIDER,
				new DataResource.Description("户籍人口信息", "由市公安局提供", "GA"),
				new DataResource.Grading(3, SharingType.CONDITIONAL, "仅限政务服务事项", OpenType.NOT_OPEN, UpdateCycle.DAILY),
				new DataResource.Endpoint("https://ga.example.gov/api/households", "POST"),
				List.of(new EndpointParameter("idNumber", "string", true, "公民身份号码")),
				List.of(new DataItem("name", "string", "姓名", true), new DataItem("born", "date", null, false)),
				Instant.parse("2026-01-01T00:00:00Z"));
		this.resources.save(resource);
		if (status == ActiveOrRetired.RETIRED) {
			this.resources.save(resource.retiredVersion("停止提供", Instant.parse("2026-01-05T00:00:00Z")));
		}
		return code;
	}

	private String system(String department, String scopes) {
		return this.gateway.sign(this.gateway.claims("catalog-service")
			.subject("system-" + department)
			.claim("client_id", "system-" + department)
			.claim("scope", scopes)
			.claim("dept", department));
	}

	private String operator(String department) {
		return this.gateway.sign(this.gateway.claims("catalog-service")
			.subject("operator-" + department)
			.claim("client_id", "shutong-console")
			.claim("roles", List.of("DEPT_OPERATOR"))
			.claim("dept", department));
	}

	private MvcTestResult get(String code, String token) {
		return this.mvc.get()
			.uri("/api/catalog/resources/" + code + "/quality")
			.header("Authorization", "Bearer " + token)
			.exchange();
	}

	private MvcTestResult report(String code, String token, Object body) {
		return this.mvc.post()
			.uri("/api/catalog/resources/" + code + "/update-reports")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
