package org.shutong.systemtests.exchange;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import org.shutong.systemtests.support.TransparencyLog;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow 3 through the gateway: 市民政局's system queries 市公安局's population data through the
 * exchange broker, WireMock on loopback playing 市公安局's own system. Every query, answered
 * or refused, reaches the real audit service through the catalogue's outbox as one
 * {@code exchange.query} event, which the auditor finds and proves in the log's signed
 * Merkle tree; an audit outage delays the events and loses none.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeSystemTests {

	private static final String PROVIDER_SYSTEM = "public-security-system";

	private static final String CONSUMER_SYSTEM = "civil-affairs-system";

	private static final String SERVICE_ITEM = "330100-MZ-0012";

	private static final String PURPOSE = "办理低保资格审核";

	/** A fictitious ID number with a valid check character. */
	private static final String ID_NUMBER = "11010519491231002X";

	private static final int ANSWERED = 20;

	private static final int DURING_OUTAGE = 10;

	/** As the other audit flows: a resubmission round and its delivery. */
	private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(90);

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	private final WireMockServer providerSystem = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

	private String consumer;

	private String auditor;

	ExchangeSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@BeforeAll
	void providerSystemAllowed() throws Exception {
		this.providerSystem.start();
		this.providerSystem.stubFor(post(urlPathEqualTo("/population")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(this.http.json(Map.of("data", List.of(providerRow()))))));
		String admin = this.tokens.signIn("admin", demo().password("admin"), "openid");
		JsonNode allowed = this.http.ok(send(put("/api/exchange/providers/127.0.0.1", admin,
				Map.of("description", "市公安局人口库", "timeoutMillis", 5_000, "maxConcurrentCalls", 8))));
		assertThat(allowed.get("host").asString()).isEqualTo("127.0.0.1");
		this.consumer = token(CONSUMER_SYSTEM, "catalog.read sharing.apply exchange.query");
		this.auditor = this.tokens.signIn("auditor", demo().password("auditor"), "openid");
	}

	@AfterAll
	void providerSystemStopped() {
		this.providerSystem.stop();
	}

	@Test
	void answeredQueriesAreMaskedAndEachIsAuditedOnceAndProvenInTheSignedLog() throws Exception {
		Granted granted = publishedAndGranted();
		List<String> receipts = new ArrayList<>();
		for (int i = 0; i < ANSWERED; i++) {
			receipts.add(answered(granted.code()));
		}
		assertThat(receipts).doesNotHaveDuplicates();
		assertEachReachedTheProviderOnce(receipts, granted);

		List<JsonNode> events = awaitEvents(granted.code(), receipts.size());
		assertOnePerReceipt(events, receipts);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(event.get("service").asString()).isEqualTo("catalog-service");
			assertThat(event.get("actor").get("departmentCode").asString()).isEqualTo(consumerDept());
			assertThat(event.get("actor").get("clientId").asString()).isEqualTo(CONSUMER_SYSTEM);
			assertThat(event.get("serviceItemCode").asString()).isEqualTo(SERVICE_ITEM);
			assertThat(event.get("purpose").asString()).isEqualTo(PURPOSE);
			assertThat(event.get("subject").get("kind").asString()).isEqualTo("PERSON");
			assertThat(event.get("subject").get("reference").asString()).matches("[0-9a-f]{64}");
			JsonNode details = event.get("details");
			assertThat(details.get("grantId").asString()).isEqualTo(granted.grantId());
			assertThat(details.get("provider").asString()).isEqualTo(providerDept());
			assertThat(details.get("rowCount").asInt()).isEqualTo(1);
			assertThat(details.get("items").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("name",
					"idNumber", "phone", "maritalStatus");
		});
		assertProvenInTheSignedLog(events);

		JsonNode receipt = this.http
			.ok(this.http.get(this.platform.gatewayUri("/api/exchange/receipts/" + receipts.get(0)), this.consumer));
		assertThat(receipt.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(receipt.get("rowCount").asInt()).isEqualTo(1);
		assertThat(receipt.get("grantId").asString()).isEqualTo(granted.grantId());
	}

	@Test
	void refusedQueriesAreAuditedAsDeniedAndNeverReachTheProvider() throws Exception {
		Granted granted = publishedAndGranted();
		List<String> refusals = new ArrayList<>();

		// The consumer's grant is for another service item.
		JsonNode otherItem = this.http.problem(
				query(granted.code(), this.consumer, Map.of("idNumber", ID_NUMBER), "330100-MZ-9999"), 403, "NO_GRANT");
		refusals.add(receiptId(otherItem));

		// A resource of the same provider the consumer never applied for.
		String ungranted = published();
		JsonNode noGrant = this.http
			.problem(query(ungranted, this.consumer, Map.of("idNumber", ID_NUMBER), SERVICE_ITEM), 403, "NO_GRANT");
		refusals.add(receiptId(noGrant));

		// The consumer's own system, with a token lacking exchange.query.
		JsonNode noScope = this.http.problem(query(granted.code(), token(CONSUMER_SYSTEM, "catalog.read"),
				Map.of("idNumber", ID_NUMBER), SERVICE_ITEM), 403, "FORBIDDEN");
		refusals.add(receiptId(noScope));

		assertThat(refusals).hasSize(3).doesNotHaveDuplicates();
		for (String receiptId : refusals) {
			assertThat(this.providerSystem.findAll(anyRequestedFor(urlPathEqualTo("/population"))))
				.noneMatch((request) -> receiptId.equals(request.getHeader("X-Shutong-Receipt")));
		}

		List<JsonNode> events = new ArrayList<>(awaitEvents(granted.code(), 2));
		events.addAll(awaitEvents(ungranted, 1));
		assertOnePerReceipt(events, refusals);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("outcome").asString()).isEqualTo("DENIED");
			assertThat(event.get("service").asString()).isEqualTo("catalog-service");
			assertThat(event.get("actor").get("departmentCode").asString()).isEqualTo(consumerDept());
			assertThat(event.get("details").get("rowCount").asInt()).isZero();
		});
		assertThat(events.stream()
			.filter((event) -> event.get("details").get("receiptId").asString().equals(receiptId(noGrant)))
			.map((event) -> event.get("resource").asString())).containsExactly(ungranted);
		assertThat(events.stream().map((event) -> event.get("details").get("problem").asString()))
			.containsExactlyInAnyOrder("NO_GRANT", "NO_GRANT", "FORBIDDEN");
		assertProvenInTheSignedLog(events);
	}

	@Test
	void queriesAnsweredWhileTheAuditServiceIsDownAreAuditedOnceEachWhenItIsBack() throws Exception {
		Granted granted = publishedAndGranted();
		List<String> receipts = new ArrayList<>();
		this.platform.stopAuditService();
		try {
			for (int i = 0; i < DURING_OUTAGE; i++) {
				receipts.add(answered(granted.code()));
			}
		}
		finally {
			this.platform.startAuditService();
		}
		assertEachReachedTheProviderOnce(receipts, granted);

		List<JsonNode> events = awaitEvents(granted.code(), receipts.size());
		assertOnePerReceipt(events, receipts);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(event.get("actor").get("departmentCode").asString()).isEqualTo(consumerDept());
		});
		assertThat(events.stream().map((event) -> event.get("eventId").asString())).doesNotHaveDuplicates();
		assertProvenInTheSignedLog(events);
	}

	// The flow

	/**
	 * A new level-3 CONDITIONAL resource of 市公安局 whose endpoint is WireMock, applied for
	 * by 市民政局 for four items (three of them sensitive) and approved as asked.
	 */
	private Granted publishedAndGranted() throws Exception {
		String code = published();

		HttpResponse<String> filed = send(postJson("/api/catalog/resources/" + code + "/applications", this.consumer,
				Map.of("purpose", PURPOSE, "legalBasis", "《社会救助暂行办法》第十一条", "items",
						List.of("name", "idNumber", "phone", "maritalStatus"), "serviceItemCode", SERVICE_ITEM,
						"validUntil", Instant.now().plus(Duration.ofDays(30)).toString())));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String applicationId = this.http.json(filed.body()).get("id").asString();

		JsonNode approved = this.http.ok(send(postJson("/api/catalog/applications/" + applicationId + "/approve",
				token(PROVIDER_SYSTEM, "sharing.review"), Map.of())));
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		return new Granted(code, approved.get("grantId").asString());
	}

	/** A new level-3 CONDITIONAL resource of 市公安局 whose endpoint is WireMock. */
	private String published() throws Exception {
		HttpResponse<String> published = send(
				postJson("/api/catalog/resources", token(PROVIDER_SYSTEM, "catalog.write"), resource()));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		return this.http.json(published.body()).get("code").asString();
	}

	/**
	 * One query answered 200: the granted items of the provider's row, the sensitive ones
	 * masked as level 3 requires, nothing else the provider sent.
	 */
	private String answered(String code) throws Exception {
		HttpResponse<String> response = query(code, this.consumer, Map.of("idNumber", ID_NUMBER), SERVICE_ITEM);
		JsonNode answer = this.http.ok(response);
		assertThat(answer.get("resourceCode").asString()).isEqualTo(code);
		assertThat(answer.get("data")).hasSize(1);
		JsonNode row = answer.get("data").get(0);
		assertThat(row.propertyNames()).containsExactlyInAnyOrder("name", "idNumber", "phone", "maritalStatus");
		assertThat(row.get("name").asString()).isEqualTo("张**");
		assertThat(row.get("idNumber").asString()).isEqualTo("1" + "*".repeat(16) + "X");
		assertThat(row.get("phone").asString()).isEqualTo("*".repeat(7) + "8000");
		assertThat(row.get("maritalStatus").asString()).isEqualTo("已婚");
		String receiptId = answer.get("receiptId").asString();
		assertThat(receiptId).isNotBlank();
		return receiptId;
	}

	/**
	 * The provider system got exactly one request per receipt: a POST of the declared
	 * parameters whose bearer token, checked as the provider would with the broker's
	 * published key, is the broker's, for this provider, about this receipt, consumer,
	 * grant and purpose, and bound to this very body.
	 */
	private void assertEachReachedTheProviderOnce(List<String> receipts, Granted granted) throws Exception {
		JWKSet keys = JWKSet
			.parse(send(this.http.request(this.platform.gatewayUri("/api/exchange/keys"), null).build()).body());
		List<LoggedRequest> requests = this.providerSystem.findAll(anyRequestedFor(urlPathEqualTo("/population")));
		for (String receiptId : receipts) {
			List<LoggedRequest> forReceipt = requests.stream()
				.filter((request) -> receiptId.equals(request.getHeader("X-Shutong-Receipt")))
				.toList();
			assertThat(forReceipt).as("provider requests of receipt %s", receiptId).hasSize(1);
			LoggedRequest request = forReceipt.get(0);
			assertThat(request.getMethod().getName()).isEqualTo("POST");
			assertThat(this.http.json(request.getBodyAsString()).get("idNumber").asString()).isEqualTo(ID_NUMBER);
			assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
			SignedJWT token = SignedJWT.parse(request.getHeader("Authorization").substring("Bearer ".length()));
			assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
			ECKey key = keys.getKeyByKeyId(token.getHeader().getKeyID()).toECKey();
			assertThat(token.verify(new ECDSAVerifier(key))).as("broker's signature of %s", receiptId).isTrue();
			JWTClaimsSet claims = token.getJWTClaimsSet();
			assertThat(claims.getJWTID()).isEqualTo(receiptId);
			assertThat(claims.getAudience()).containsExactly(providerDept());
			assertThat(claims.getSubject()).isEqualTo(consumerDept());
			assertThat(claims.getStringClaim("client_id")).isEqualTo(CONSUMER_SYSTEM);
			assertThat(claims.getStringClaim("resource")).isEqualTo(granted.code());
			assertThat(claims.getStringClaim("grant")).isEqualTo(granted.grantId());
			assertThat(claims.getStringClaim("purpose")).isEqualTo(PURPOSE);
			assertThat(claims.getStringClaim("service_item")).isEqualTo(SERVICE_ITEM);
			assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
			byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(request.getBody());
			assertThat(claims.getStringClaim("req_sha256")).isEqualTo(Base64URL.encode(bodyHash).toString());
		}
	}

	// The audit log

	/**
	 * Waits until the log holds {@code expected} {@code exchange.query} events of the
	 * resource, then a little longer, and returns them all: more than expected fails.
	 */
	private List<JsonNode> awaitEvents(String code, int expected) throws Exception {
		Instant deadline = Instant.now().plus(AUDIT_DEADLINE);
		List<JsonNode> events = events(code);
		while (events.size() < expected && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			events = events(code);
		}
		// A duplicate delivery would come with the same round.
		Thread.sleep(2000);
		events = events(code);
		assertThat(events).as("exchange.query events of %s", code).hasSize(expected);
		return events;
	}

	/** Every {@code exchange.query} event of the resource, page by page. */
	private List<JsonNode> events(String code) throws Exception {
		List<JsonNode> events = new ArrayList<>();
		String before = null;
		do {
			String path = "/api/audit/events?resource=" + code + "&action=exchange.query&limit=7"
					+ ((before != null) ? "&before=" + before : "");
			JsonNode page = this.http.ok(send(this.http.request(this.platform.gatewayUri(path), this.auditor).build()));
			page.get("items").forEach(events::add);
			JsonNode next = page.get("next");
			before = (next == null || next.isNull()) ? null : next.asString();
		}
		while (before != null);
		return events;
	}

	private static void assertOnePerReceipt(List<JsonNode> events, List<String> receipts) {
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("action").asString()).isEqualTo("exchange.query");
			assertThat(event.get("details").get("receiptId")).isNotNull();
		});
		assertThat(events.stream().map((event) -> event.get("details").get("receiptId").asString()))
			.containsExactlyInAnyOrderElementsOf(receipts);
	}

	/**
	 * Each event's leaf, as the auditor reads it, is the event and hashes into the root
	 * of the latest checkpoint by its inclusion proof; the checkpoint is signed by the
	 * log's published key.
	 */
	private void assertProvenInTheSignedLog(List<JsonNode> events) throws Exception {
		long newest = events.stream().mapToLong((event) -> event.get("leafIndex").asLong()).max().orElseThrow();
		JsonNode checkpoint = latestCheckpointCovering(newest);
		JsonNode key = this.http
			.ok(send(this.http.request(this.platform.gatewayUri("/api/audit/public-key"), null).build()));
		TransparencyLog.TreeHead head = TransparencyLog.verifyCheckpoint(checkpoint.get("note").asString(),
				Base64.getDecoder().decode(key.get("publicKey").asString()));
		long treeSize = checkpoint.get("treeSize").asLong();
		byte[] root = Base64.getDecoder().decode(checkpoint.get("rootHash").asString());
		assertThat(head.size()).isEqualTo(treeSize);
		assertThat(head.rootHash()).isEqualTo(root);

		Map<Long, Boolean> proven = new HashMap<>();
		for (JsonNode event : events) {
			long index = event.get("leafIndex").asLong();
			JsonNode leafView = this.http.ok(send(
					this.http.request(this.platform.gatewayUri("/api/audit/leaves/" + index), this.auditor).build()));
			byte[] leaf = Base64.getDecoder().decode(leafView.get("leaf").asString());
			byte[] leafHash = TransparencyLog.leafHash(leaf);
			assertThat(Base64.getEncoder().encodeToString(leafHash)).isEqualTo(leafView.get("leafHash").asString());
			JsonNode logged = this.http.json(new String(leaf, StandardCharsets.UTF_8));
			assertThat(logged.get("eventId").asString()).isEqualTo(event.get("eventId").asString());
			assertThat(logged.get("details").get("receiptId").asString())
				.isEqualTo(event.get("details").get("receiptId").asString());

			JsonNode proof = this.http.ok(
					send(this.http
						.request(
								this.platform.gatewayUri(
										"/api/audit/proofs/inclusion?leafIndex=" + index + "&treeSize=" + treeSize),
								null)
						.build()));
			List<byte[]> path = proof.get("auditPath")
				.valueStream()
				.map((hash) -> Base64.getDecoder().decode(hash.asString()))
				.toList();
			proven.put(index, TransparencyLog.verifyInclusion(leafHash, index, treeSize, path, root));
			// The check is not vacuous: a leaf changed in one byte is not in the tree.
			byte[] changed = leaf.clone();
			changed[changed.length / 2] ^= 1;
			assertThat(TransparencyLog.verifyInclusion(TransparencyLog.leafHash(changed), index, treeSize, path, root))
				.isFalse();
		}
		assertThat(proven).as("inclusion of each event's leaf in the tree of size %d", treeSize)
			.hasSize(events.size())
			.doesNotContainValue(false);
	}

	/** The latest checkpoint, once its tree holds the leaf at this index. */
	private JsonNode latestCheckpointCovering(long leafIndex) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			JsonNode checkpoint = this.http
				.ok(send(this.http.request(this.platform.gatewayUri("/api/audit/checkpoints/latest"), null).build()));
			if (checkpoint.get("treeSize").asLong() > leafIndex || Instant.now().isAfter(deadline)) {
				assertThat(checkpoint.get("treeSize").asLong()).as("checkpointed tree size").isGreaterThan(leafIndex);
				return checkpoint;
			}
			Thread.sleep(500);
		}
	}

	// HTTP

	private HttpResponse<String> query(String code, String token, Map<String, Object> parameters, String serviceItem)
			throws Exception {
		return send(postJson("/api/exchange/" + code + "/query", token,
				Map.of("parameters", parameters, "purpose", PURPOSE, "serviceItemCode", serviceItem)));
	}

	private static String receiptId(JsonNode problem) {
		JsonNode receiptId = problem.get("receiptId");
		assertThat(receiptId).as("receiptId of %s", problem).isNotNull();
		return receiptId.asString();
	}

	/**
	 * Sends the request, again after the {@code Retry-After} the gateway names should it
	 * answer 429 for its per-caller rate limit: the limit is the gateway's business and
	 * is tested elsewhere, and a refused request reaches no service.
	 */
	private HttpResponse<String> send(HttpRequest request) throws Exception {
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = this.http.send(request);
			if (response.statusCode() != 429 || attempt == 5 || !response.body().contains("\"TOO_MANY_REQUESTS\"")) {
				return response;
			}
			long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
			Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
		}
	}

	private HttpRequest postJson(String path, String token, Object body) {
		return this.http.request(this.platform.gatewayUri(path), token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(this.http.json(body)))
			.build();
	}

	private HttpRequest put(String path, String token, Object body) {
		return this.http.request(this.platform.gatewayUri(path), token)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(this.http.json(body)))
			.build();
	}

	private String token(String clientId, String scope) throws Exception {
		DemoCredentials.Client client = demo().client(clientId);
		return this.tokens.clientCredentials(client.clientId(), client.clientSecret(), scope);
	}

	private DemoCredentials demo() {
		return this.platform.demo();
	}

	private String providerDept() {
		return demo().client(PROVIDER_SYSTEM).departmentCode();
	}

	private String consumerDept() {
		return demo().client(CONSUMER_SYSTEM).departmentCode();
	}

	// Fixtures

	private Map<String, Object> resource() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "户籍人口信息 " + UUID.randomUUID());
		body.put("description", "常住人口的户籍登记信息 Registered residents");
		body.put("category", "GA");
		body.put("securityLevel", 3);
		body.put("sharingType", "CONDITIONAL");
		body.put("sharingCondition", "仅限办理政务服务事项");
		body.put("openType", "NOT_OPEN");
		body.put("updateCycle", "DAILY");
		body.put("items", List.of(item("name", true), item("idNumber", true), item("phone", true),
				item("maritalStatus", false), item("address", false)));
		body.put("endpoint", Map.of("url", "http://127.0.0.1:" + this.providerSystem.port() + "/population", "method",
				"POST", "parameters", List.of(Map.of("name", "idNumber", "type", "string", "required", true))));
		return body;
	}

	private static Map<String, Object> item(String name, boolean sensitive) {
		return Map.of("name", name, "type", "string", "description", "说明 " + name, "sensitive", sensitive);
	}

	/** What 市公安局's system answers: more than the grant allows, all of it raw. */
	private static Map<String, Object> providerRow() {
		return Map.of("name", "张三丰", "idNumber", ID_NUMBER, "phone", "13800138000", "maritalStatus", "已婚", "address",
				"杭州市上城区某街道1号", "photo", "aGVsbG8=");
	}

	private record Granted(String code, String grantId) {
	}

}
