package org.shutong.systemtests.certificate;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow 5 through the gateway with real sign-ins and tokens: the demo citizen finds her
 * resident ID e-certificate, authorises 市民政局 to use it for one service item, 市民政局's
 * system takes an annotated copy for that item (and is refused for another), and the
 * citizen sees the use in "who accessed my data" once the outbox has delivered it.
 */
@SystemTest
class CertificateUseSystemTests {

	private static final String USER_SYSTEM = "civil-affairs-system";

	private static final String ID_CARD_TYPE = "11330100002482100A101";

	private static final String CITIZEN_ID_NUMBER = "330106199203150027";

	private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(90);

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	CertificateUseSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void aCitizenAuthorisesADepartmentWhichTakesAnAnnotatedCopyAndTheUseIsShownToHer() throws Exception {
		String citizen = this.tokens.signIn("citizen", demo().password("citizen"), "openid");
		String user = token(USER_SYSTEM, "certificate.read");
		String userDept = demo().client(USER_SYSTEM).departmentCode();
		String serviceItem = "330100-MZ-" + System.nanoTime() % 100000;

		JsonNode mine = this.http.ok(get("/api/certificates/mine", citizen));
		JsonNode idCard = mine.get("items")
			.valueStream()
			.filter((certificate) -> certificate.get("typeCode").asString().equals(ID_CARD_TYPE))
			.findFirst()
			.orElseThrow();
		String id = idCard.get("id").asString();
		assertThat(idCard.get("holder").get("idNumberMasked").asString()).isEqualTo("330106********0027");
		assertThat(this.http.ok(get("/api/certificates/" + id, citizen)).get("signature").get("value").asString())
			.isEqualTo(idCard.get("signature").get("value").asString());
		this.http.problem(get("/api/certificates/" + id, user), 404, "NOT_FOUND");

		this.http.problem(fetch(user, serviceItem), 403, "NO_AUTHORIZATION");
		HttpResponse<String> authorized = post("/api/certificates/" + id + "/authorizations", citizen,
				Map.of("departmentCode", userDept, "serviceItemCode", serviceItem, "validUntil",
						Instant.now().plus(Duration.ofDays(7)).toString()));
		assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(201);
		String authorization = this.http.json(authorized.body()).get("id").asString();

		JsonNode copies = this.http.ok(fetch(user, serviceItem));
		assertThat(copies.get("items")).hasSize(1);
		JsonNode copy = copies.get("items").get(0);
		assertThat(copy.get("certificate").get("id").asString()).isEqualTo(id);
		assertThat(copy.get("certificate").get("signature").has("value")).isFalse();
		assertThat(copy.get("annotation").get("departmentCode").asString()).isEqualTo(userDept);
		assertThat(copy.get("annotation").get("authorizationId").asString()).isEqualTo(authorization);
		this.http.problem(fetch(user, serviceItem + "X"), 403, "NO_AUTHORIZATION");

		JsonNode withdrawn = this.http.ok(this.http.send(this.http
			.request(this.platform.gatewayUri("/api/certificates/authorizations/" + authorization), citizen)
			.DELETE()
			.build()));
		assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
		this.http.problem(fetch(user, serviceItem), 403, "NO_AUTHORIZATION");

		List<JsonNode> uses = awaitUses(citizen, serviceItem, 4);
		assertThat(uses).extracting((use) -> use.get("outcome").asString())
			.containsExactlyInAnyOrder("DENIED", "SUCCESS", "DENIED", "DENIED");
		assertThat(uses).allSatisfy((use) -> {
			assertThat(use.get("departmentCode").asString()).isEqualTo(userDept);
			assertThat(use.get("action").asString()).isEqualTo("certificate.fetch");
			assertThat(use.get("purpose").asString()).isEqualTo("办理婚姻登记 核验身份");
		});
	}

	/**
	 * The citizen's own view of the fetches for this service item, once all have arrived.
	 */
	private List<JsonNode> awaitUses(String citizen, String serviceItem, int expected) throws Exception {
		Instant deadline = Instant.now().plus(AUDIT_DEADLINE);
		List<JsonNode> uses = uses(citizen, serviceItem);
		while (uses.size() < expected && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			uses = uses(citizen, serviceItem);
		}
		return uses;
	}

	private List<JsonNode> uses(String citizen, String serviceItem) throws Exception {
		JsonNode page = this.http.ok(get("/api/audit/mine?limit=200", citizen));
		return page.get("items")
			.valueStream()
			.filter((use) -> use.path("serviceItemCode").asString("").startsWith(serviceItem))
			.toList();
	}

	private HttpResponse<String> fetch(String token, String serviceItem) throws Exception {
		return get("/api/certificates?holderIdNumber=" + CITIZEN_ID_NUMBER + "&typeCode=" + ID_CARD_TYPE
				+ "&serviceItemCode=" + serviceItem + "&purpose="
				+ URLEncoder.encode("办理婚姻登记 核验身份", StandardCharsets.UTF_8), token);
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
		HttpRequest request = this.http.request(this.platform.gatewayUri(path), token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(this.http.json(body)))
			.build();
		return this.http.send(request);
	}

}
