package org.shutong.catalog.resource.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.Departments;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import static org.shutong.catalog.resource.web.ResourceFixtures.writer;

/**
 * Publishing, reading, updating and retiring resources through the real security filters,
 * and the audit events each change leaves in the outbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ResourcePublishingTests {

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

	@Test
	void publishesReadsUpdatesAndRetiresAResource() throws Exception {
		String department = Departments.fresh();
		MvcTestResult published = post("/api/catalog/resources", writer(department), body("GA", "户籍信息"));
		assertThat(published).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		String code = "GA-" + department + "-000001";
		assertThat(published).headers().hasValue("Location", "/api/catalog/resources/" + code);
		assertThat(published).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(published).bodyJson().extractingPath("$.version").isEqualTo(1);
		assertThat(published).bodyJson().extractingPath("$.provider").isEqualTo(department);
		assertThat(published).bodyJson().extractingPath("$.status").isEqualTo("PUBLISHED");
		assertThat(published).bodyJson().extractingPath("$.securityLevel").isEqualTo(3);
		assertThat(published).bodyJson().extractingPath("$.sharingCondition").isEqualTo("仅限办理政务服务事项");
		assertThat(published).bodyJson()
			.extractingPath("$.items[1]")
			.isEqualTo(Map.of("name", "registeredOn", "type", "date", "description", "说明 registeredOn", "sensitive",
					false));
		assertThat(published).bodyJson()
			.extractingPath("$.endpoint")
			.isEqualTo(Map.of("url", "https://ga.example.gov/api/households", "method", "POST", "parameters",
					List.of(Map.of("name", "idNumber", "type", "string", "required", true, "description", "公民身份号码"))));

		MvcTestResult read = get("/api/catalog/resources/" + code, reader());
		assertThat(read).hasStatusOk();
		assertThat(read).bodyJson().isEqualTo(published.getResponse().getContentAsString(StandardCharsets.UTF_8));

		Map<String, Object> changed = body("GA", "户籍信息（含迁移）");
		changed.put("sharingType", "UNCONDITIONAL");
		changed.remove("sharingCondition");
		MvcTestResult updated = put("/api/catalog/resources/" + code, writer(department), changed);
		assertThat(updated).hasStatusOk();
		assertThat(updated).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(updated).bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(updated).bodyJson().extractingPath("$.name").isEqualTo("户籍信息（含迁移）");
		assertThat(updated).bodyJson().extractingPath("$.sharingType").isEqualTo("UNCONDITIONAL");

		assertThat(get("/api/catalog/resources/" + code, reader())).bodyJson().extractingPath("$.version").isEqualTo(2);
		MvcTestResult first = get("/api/catalog/resources/" + code + "?version=1", reader());
		assertThat(first).hasStatusOk();
		assertThat(first).bodyJson().isEqualTo(published.getResponse().getContentAsString(StandardCharsets.UTF_8));

		MvcTestResult retired = post("/api/catalog/resources/" + code + "/retire", writer(department),
				Map.of("reason", "并入人口综合库"));
		assertThat(retired).hasStatusOk();
		assertThat(retired).bodyJson().extractingPath("$.version").isEqualTo(3);
		assertThat(retired).bodyJson().extractingPath("$.status").isEqualTo("RETIRED");
		assertThat(retired).bodyJson().extractingPath("$.retiredReason").isEqualTo("并入人口综合库");
		assertThat(retired).bodyJson().extractingPath("$.name").isEqualTo("户籍信息（含迁移）");
		assertThat(get("/api/catalog/resources/" + code + "?version=2", reader())).bodyJson()
			.isEqualTo(updated.getResponse().getContentAsString(StandardCharsets.UTF_8));

		MvcTestResult versions = get("/api/catalog/resources/" + code + "/versions", reader());
		assertThat(versions).hasStatusOk();
		assertThat(versions).bodyJson().extractingPath("$.versions[*].version").asArray().containsExactly(1, 2, 3);
		assertThat(versions).bodyJson()
			.extractingPath("$.versions[*].status")
			.asArray()
			.containsExactly("PUBLISHED", "PUBLISHED", "RETIRED");

		assertThat(events(code)).extracting(AuditEvent::action)
			.containsExactlyInAnyOrder("catalog.resource.publish", "catalog.resource.update",
					"catalog.resource.retire");
	}

	@Test
	void retiringTwiceOrUpdatingARetiredResourceIsAConflict() {
		String department = Departments.fresh();
		String code = publish(department, "MZ");
		MvcTestResult retired = post("/api/catalog/resources/" + code + "/retire", writer(department), null);
		assertThat(retired).hasStatusOk();
		assertThat(retired).bodyJson().extractingPath("$.status").isEqualTo("RETIRED");
		assertThat(retired).bodyJson().extractingPath("$.retiredReason").isNull();

		assertProblem(post("/api/catalog/resources/" + code + "/retire", writer(department), Map.of()),
				HttpStatus.CONFLICT, "RESOURCE_RETIRED");
		assertProblem(put("/api/catalog/resources/" + code, writer(department), body("MZ", "新名称")), HttpStatus.CONFLICT,
				"RESOURCE_RETIRED");
		assertThat(this.resources.findVersions(code)).hasSize(2);
		assertThat(events(code)).hasSize(2);
	}

	@Test
	void assignsCodesByCategoryProviderAndSerial() {
		String department = Departments.fresh();
		String other = Departments.fresh();
		assertThat(publish(department, "GA")).isEqualTo("GA-" + department + "-000001");
		assertThat(publish(department, "GA")).isEqualTo("GA-" + department + "-000002");
		assertThat(publish(department, "RS")).isEqualTo("RS-" + department + "-000001");
		assertThat(publish(other, "GA")).isEqualTo("GA-" + other + "-000001");
		assertThat(publish(department, "GA")).matches("GA-" + department + "-000003");
	}

	@Test
	void concurrentPublishesGetDistinctConsecutiveCodes() throws Exception {
		String department = Departments.fresh();
		int count = 12;
		List<Callable<String>> publishes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			publishes.add(() -> publish(department, "SC"));
		}
		Set<String> codes = new HashSet<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
			for (Future<String> code : pool.invokeAll(publishes)) {
				codes.add(code.get());
			}
		}
		Set<String> expected = new HashSet<>();
		for (int serial = 1; serial <= count; serial++) {
			expected.add("SC-%s-%06d".formatted(department, serial));
		}
		assertThat(codes).isEqualTo(expected);
	}

	@Test
	void concurrentUpdatesOfOneResourceEachMakeAVersionOrAreAConflict() throws Exception {
		String department = Departments.fresh();
		String code = publish(department, "TJ");
		int count = 6;
		List<Callable<MvcTestResult>> updates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			updates.add(() -> put("/api/catalog/resources/" + code, writer(department), body("TJ", "统计数据")));
		}
		int updated = 0;
		try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
			for (Future<MvcTestResult> result : pool.invokeAll(updates)) {
				if (result.get().getResponse().getStatus() == 200) {
					updated++;
				}
				else {
					assertProblem(result.get(), HttpStatus.CONFLICT, "CONFLICT");
				}
			}
		}
		assertThat(updated).isPositive();
		List<Integer> versions = this.resources.findVersions(code).stream().map((v) -> v.version()).toList();
		assertThat(versions).hasSize(1 + updated);
		for (int i = 0; i < versions.size(); i++) {
			assertThat(versions.get(i)).isEqualTo(i + 1);
		}
		assertThat(events(code)).hasSize(1 + updated);
	}

	@Test
	void theProviderIsTheCallersDepartmentNeverAField() {
		String department = Departments.fresh();
		Map<String, Object> body = body("GA", "户籍信息");
		body.put("provider", Departments.fresh());
		MvcTestResult result = post("/api/catalog/resources", writer(department), body);
		// A field the request does not define is ignored: the provider comes from the
		// token.
		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.provider").isEqualTo(department);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("GA-" + department + "-000001");
	}

	@Test
	void auditsEachChangeWithTheActorTheCodeAndTheVersionButNoSubject() {
		String department = Departments.fresh();
		String code = publish(department, "WJ");
		assertThat(put("/api/catalog/resources/" + code, writer(department), body("WJ", "出生医学证明信息"))).hasStatusOk();
		List<AuditEvent> events = events(code);
		assertThat(events).hasSize(2);
		for (AuditEvent event : events) {
			assertThat(event.service()).isEqualTo("catalog-service");
			assertThat(event.resource()).isEqualTo(code);
			assertThat(event.subject()).isNull();
			assertThat(event.actor())
				.isEqualTo(new AuditEvent.Actor(department, "system-" + department.substring(10), null));
		}
		assertThat(events).filteredOn((event) -> event.action().equals("catalog.resource.publish"))
			.singleElement()
			.satisfies((event) -> assertThat(event.details()).isEqualTo(Map.of("version", 1)));
		assertThat(events).filteredOn((event) -> event.action().equals("catalog.resource.update"))
			.singleElement()
			.satisfies((event) -> assertThat(event.details()).isEqualTo(Map.of("version", 2)));
	}

	@Test
	void auditsAPersonByTheirSubject() {
		String department = Departments.fresh();
		String token = GatewayStandIn.shared()
			.sign(GatewayStandIn.shared()
				.claims(ResourceFixtures.AUDIENCE)
				.subject("operator-li")
				.claim("client_id", "shutong-console")
				.claim("scope", "catalog.write")
				.claim("roles", List.of("DEPT_OPERATOR"))
				.claim("dept", department));
		MvcTestResult result = post("/api/catalog/resources", token, body("JY", "学籍信息"));
		assertThat(result).hasStatus(HttpStatus.CREATED);
		String code = "JY-" + department + "-000001";
		assertThat(events(code)).singleElement()
			.satisfies((event) -> assertThat(event.actor())
				.isEqualTo(new AuditEvent.Actor(department, "shutong-console", "operator-li")));
	}

	@Test
	void readsAnUnknownResourceOrVersionAsNotFound() {
		assertProblem(get("/api/catalog/resources/GA-NOPE-000001", reader()), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
		assertProblem(get("/api/catalog/resources/GA-NOPE-000001/versions", reader()), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
		String code = publish(Departments.fresh(), "GA");
		assertProblem(get("/api/catalog/resources/" + code + "?version=2", reader()), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
		MvcTestResult badVersion = get("/api/catalog/resources/" + code + "?version=0", reader());
		assertProblem(badVersion, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(badVersion).bodyJson().extractingPath("$.errors[0].field").isEqualTo("version");
	}

	String publish(String department, String category) {
		MvcTestResult result = post("/api/catalog/resources", writer(department),
				body(category, "资源 " + UUID.randomUUID()));
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return (String) read(result).get("code");
	}

	List<AuditEvent> events(String code) {
		return this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> code.equals(event.resource()))
			.toList();
	}

	private Map<?, ?> read(MvcTestResult result) {
		return this.json.readValue(result.getResponse().getContentAsByteArray(), Map.class);
	}

	private static String reader() {
		return GatewayStandIn.shared().withScopes(ResourceFixtures.AUDIENCE, "catalog.read");
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	private MvcTestResult post(String uri, String token, Object body) {
		var request = this.mvc.post().uri(uri).header("Authorization", "Bearer " + token);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
		}
		return request.exchange();
	}

	private MvcTestResult put(String uri, String token, Object body) {
		return this.mvc.put()
			.uri(uri)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
	}

}
