package org.shutong.systemtests.sharing;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharing workflow (flow 2) through the gateway with the real tokens of two demo
 * departments: 市民政局's system publishes, 市公安局's system finds the resource, applies, is
 * approved for fewer items and loses the grant again; every step reaches the audit log
 * through the catalogue's outbox.
 */
@SystemTest
class SharingWorkflowSystemTests {

	private static final String PROVIDER_SYSTEM = "civil-affairs-system";

	private static final String CONSUMER_SYSTEM = "public-security-system";

	/**
	 * The catalogue's outbox delivers at once; a resubmission round if the first fails.
	 */
	private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(90);

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	SharingWorkflowSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void aConditionalResourceIsPublishedFoundAppliedForApprovedNarrowedAndRevoked() throws Exception {
		String provider = token(PROVIDER_SYSTEM, "catalog.read catalog.write sharing.review");
		String consumer = token(CONSUMER_SYSTEM, "catalog.read sharing.apply sharing.review");
		String providerDept = demo().client(PROVIDER_SYSTEM).departmentCode();
		String consumerDept = demo().client(CONSUMER_SYSTEM).departmentCode();
		String name = "婚姻登记信息 " + UUID.randomUUID();

		HttpResponse<String> published = post("/api/catalog/resources", provider, resource(name, "CONDITIONAL"));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		String code = this.http.json(published.body()).get("code").asString();
		assertThat(code).startsWith("MZ-" + providerDept + "-");

		JsonNode list = this.http
			.ok(get("/api/catalog/resources?category=MZ&provider=" + providerDept + "&size=100", consumer));
		assertThat(list.get("items").valueStream().map((item) -> item.get("code").asString())).contains(code);

		HttpResponse<String> filed = post("/api/catalog/resources/" + code + "/applications", consumer,
				application(List.of("name", "marriedOn", "spouseName")));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		JsonNode application = this.http.json(filed.body());
		assertThat(application.get("status").asString()).isEqualTo("PENDING");
		String applicationId = application.get("id").asString();

		// The consumer may not decide its own application.
		this.http.problem(post("/api/catalog/applications/" + applicationId + "/approve", consumer, Map.of()), 403,
				"OWN_APPLICATION");

		JsonNode approved = this.http.ok(post("/api/catalog/applications/" + applicationId + "/approve", provider,
				Map.of("items", List.of("name", "marriedOn"))));
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		String grantId = approved.get("grantId").asString();

		JsonNode providerSide = grant(provider, "provider", grantId);
		JsonNode consumerSide = grant(consumer, "consumer", grantId);
		for (JsonNode grant : List.of(providerSide, consumerSide)) {
			assertThat(grant.get("resourceCode").asString()).isEqualTo(code);
			assertThat(grant.get("provider").asString()).isEqualTo(providerDept);
			assertThat(grant.get("consumer").asString()).isEqualTo(consumerDept);
			assertThat(grant.get("items").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("name",
					"marriedOn");
			assertThat(grant.get("status").asString()).isEqualTo("ACTIVE");
		}

		// Only the provider revokes.
		this.http.problem(post("/api/catalog/grants/" + grantId + "/revoke", consumer, Map.of("reason", "不再需要")), 403,
				"NOT_PROVIDER");
		JsonNode revoked = this.http
			.ok(post("/api/catalog/grants/" + grantId + "/revoke", provider, Map.of("reason", "办理事项已结束")));
		assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
		assertThat(grant(provider, "provider", grantId).get("status").asString()).isEqualTo("REVOKED");
		assertThat(grant(consumer, "consumer", grantId).get("status").asString()).isEqualTo("REVOKED");

		List<String> actions = List.of("catalog.resource.publish", "sharing.application.file",
				"sharing.application.approve", "sharing.grant.revoke");
		List<JsonNode> events = awaitAudited(code, actions);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("service").asString()).isEqualTo("catalog-service");
			assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
		});
		assertThat(actor(events, "catalog.resource.publish")).isEqualTo(providerDept);
		assertThat(actor(events, "sharing.application.file")).isEqualTo(consumerDept);
		assertThat(actor(events, "sharing.application.approve")).isEqualTo(providerDept);
		assertThat(actor(events, "sharing.grant.revoke")).isEqualTo(providerDept);
	}

	@Test
	void aNotSharedResourceCannotBeAppliedFor() throws Exception {
		String provider = token(PROVIDER_SYSTEM, "catalog.write");
		String consumer = token(CONSUMER_SYSTEM, "sharing.apply");
		HttpResponse<String> published = post("/api/catalog/resources", provider,
				resource("殡葬服务信息 " + UUID.randomUUID(), "NOT_SHARED"));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		String code = this.http.json(published.body()).get("code").asString();

		this.http.problem(
				post("/api/catalog/resources/" + code + "/applications", consumer, application(List.of("name"))), 409,
				"NOT_SHARED");
	}

	@Test
	void aTokenWithoutSharingApplyMayNotApply() throws Exception {
		String provider = token(PROVIDER_SYSTEM, "catalog.write");
		HttpResponse<String> published = post("/api/catalog/resources", provider,
				resource("低保对象信息 " + UUID.randomUUID(), "CONDITIONAL"));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		String code = this.http.json(published.body()).get("code").asString();

		HttpResponse<String> refused = post("/api/catalog/resources/" + code + "/applications",
				token(CONSUMER_SYSTEM, "catalog.read"), application(List.of("name")));
		this.http.problem(refused, 403, "FORBIDDEN");
		assertThat(refused.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("insufficient_scope"));
	}

	private JsonNode grant(String token, String side, String grantId) throws Exception {
		JsonNode page = this.http.ok(get("/api/catalog/grants?side=" + side + "&size=100", token));
		return page.get("items")
			.valueStream()
			.filter((grant) -> grant.get("id").asString().equals(grantId))
			.findFirst()
			.orElseThrow(
					() -> new AssertionError("grant " + grantId + " not listed on the " + side + " side: " + page));
	}

	private List<JsonNode> awaitAudited(String code, List<String> actions) throws Exception {
		String auditor = this.tokens.signIn("auditor", demo().password("auditor"), "openid");
		Instant deadline = Instant.now().plus(AUDIT_DEADLINE);
		List<JsonNode> events = audited(auditor, code);
		while (!actionsOf(events).containsAll(actions) && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			events = audited(auditor, code);
		}
		assertThat(actionsOf(events)).as("audit events of %s", code).containsExactlyInAnyOrderElementsOf(actions);
		return events;
	}

	private List<JsonNode> audited(String auditor, String code) throws Exception {
		JsonNode page = this.http.ok(get("/api/audit/events?resource=" + code, auditor));
		return new ArrayList<>(page.get("items").valueStream().toList());
	}

	private static List<String> actionsOf(List<JsonNode> events) {
		return events.stream().map((event) -> event.get("action").asString()).toList();
	}

	private static String actor(List<JsonNode> events, String action) {
		return events.stream()
			.filter((event) -> event.get("action").asString().equals(action))
			.findFirst()
			.orElseThrow()
			.get("actor")
			.get("departmentCode")
			.asString();
	}

	private Map<String, Object> resource(String name, String sharingType) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("description", "婚姻登记的结婚、离婚记录 Marriage registrations");
		body.put("category", "MZ");
		body.put("securityLevel", 3);
		body.put("sharingType", sharingType);
		if (sharingType.equals("CONDITIONAL")) {
			body.put("sharingCondition", "仅限办理政务服务事项");
		}
		body.put("openType", "NOT_OPEN");
		body.put("updateCycle", "DAILY");
		body.put("items", List.of(item("name", "string", true), item("marriedOn", "date", false),
				item("spouseName", "string", true), item("registryOffice", "string", false)));
		body.put("endpoint", Map.of("url", "https://mz.example.gov/api/marriages", "method", "POST", "parameters",
				List.of(Map.of("name", "idNumber", "type", "string", "required", true))));
		return body;
	}

	private static Map<String, Object> item(String name, String type, boolean sensitive) {
		return Map.of("name", name, "type", type, "description", "说明 " + name, "sensitive", sensitive);
	}

	private static Map<String, Object> application(List<String> items) {
		return Map.of("purpose", "核验户籍与婚姻状况", "legalBasis", "《婚姻登记条例》第八条", "items", items, "serviceItemCode",
				"330100-HY-001", "validUntil", Instant.now().plus(Duration.ofDays(180)).toString());
	}

	private String token(String clientId, String scope) throws Exception {
		DemoCredentials.Client client = demo().client(clientId);
		return this.tokens.clientCredentials(client.clientId(), client.clientSecret(), scope);
	}

	private DemoCredentials demo() {
		return this.platform.demo();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.get(this.platform.gatewayUri(path), token);
	}

	private HttpResponse<String> post(String path, String token, Object body) throws Exception {
		return this.http.send(this.http.request(this.platform.gatewayUri(path), token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(this.http.json(body)))
			.build());
	}

}
