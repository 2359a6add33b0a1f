package org.shutong.systemtests.audit;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit-service outage loses no audit event: while it is stopped, an administrator
 * registers departments and people through the gateway, whose audit events wait in the
 * gateway's outbox; once the audit service is back, every one of them reaches the audit
 * log, each exactly once.
 */
@SystemTest
class AuditOutboxSystemTests {

	private static final int DEPARTMENTS = 10;

	private static final int USERS = 10;

	/** After the audit service is ready: a resubmission round (10 s) and its delivery. */
	private static final Duration DEADLINE = Duration.ofSeconds(90);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	AuditOutboxSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void adminChangesMadeWhileTheAuditServiceIsDownReachTheAuditLogOnceItIsBack() throws Exception {
		String admin = this.tokens.signIn("admin", this.platform.demo().password("admin"), "openid");
		Set<String> resources = new HashSet<>();
		this.platform.stopAuditService();
		try {
			for (int i = 0; i < DEPARTMENTS; i++) {
				String creditCode = creditCode();
				created(post("/api/admin/departments", admin,
						Map.of("creditCode", creditCode, "name", "审计演练部门 " + UUID.randomUUID(), "region", "杭州市")));
				resources.add("department/" + creditCode);
			}
			for (int i = 0; i < USERS; i++) {
				String username = "audited-" + UUID.randomUUID().toString().substring(0, 13);
				created(post("/api/admin/users", admin, Map.of("username", username, "roles", List.of("AUDITOR"))));
				resources.add("user/" + username);
			}
		}
		finally {
			this.platform.startAuditService();
		}

		String auditor = this.tokens.signIn("auditor", this.platform.demo().password("auditor"), "openid");
		Instant deadline = Instant.now().plus(DEADLINE);
		List<JsonNode> audited = audited(auditor, resources);
		while (audited.size() < resources.size() && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			audited = audited(auditor, resources);
		}
		assertThat(audited).as("audit events of the changes made during the outage").hasSize(resources.size());
		assertThat(audited.stream().map((event) -> event.get("resource").asString()))
			.containsExactlyInAnyOrderElementsOf(resources);
		assertThat(audited.stream().map((event) -> event.get("eventId").asString())).doesNotHaveDuplicates();
		assertThat(audited).allSatisfy((event) -> {
			assertThat(event.get("service").asString()).isEqualTo("gateway");
			assertThat(event.get("action").asString()).isIn("gateway.department.create", "gateway.user.create");
			assertThat(event.get("outcome").asString()).isEqualTo("SUCCESS");
		});
	}

	/** The events in the newest 500 of the audit log that are about these resources. */
	private List<JsonNode> audited(String auditor, Set<String> resources) throws Exception {
		JsonNode page = this.http.ok(this.http.get(this.platform.gatewayUri("/api/audit/events?limit=500"), auditor));
		List<JsonNode> events = new ArrayList<>();
		for (JsonNode event : page.get("items")) {
			JsonNode resource = event.get("resource");
			if (resource != null && resources.contains(resource.asString())) {
				events.add(event);
			}
		}
		return events;
	}

	private HttpResponse<String> post(String path, String token, Map<String, Object> body) throws Exception {
		return this.http.send(this.http.request(this.platform.gatewayUri(path), token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(this.http.json(body)))
			.build());
	}

	private static void created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(201);
	}

	/**
	 * A government body's unified social credit code (GB 32100) with its check character.
	 */
	private static String creditCode() {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		StringBuilder code = new StringBuilder("11330100");
		for (int i = 0; i < 9; i++) {
			code.append(RANDOM.nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += alphabet.indexOf(code.charAt(i)) * weights[i];
		}
		return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
	}

}
