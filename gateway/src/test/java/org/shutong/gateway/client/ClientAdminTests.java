package org.shutong.gateway.client;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.IdentityNumbers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators register department systems; a generated client secret is shown once.
 */
@GatewayTest
class ClientAdminTests extends GatewayHttpTest {

	private String adminToken;

	@BeforeEach
	void administrator() {
		this.adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");
	}

	@Test
	void showsTheSecretOnceAndTheSecretWorksAtTheTokenEndpoint() {
		String clientId = Identities.uniqueName("system");
		String departmentCode = this.identities.department();

		HttpResponse<String> created = register(
				newClient(clientId, departmentCode, List.of("catalog.read", "sharing.apply")));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode registered = GatewayHttp.json(created);
		assertThat(registered.get("clientId").asString()).isEqualTo(clientId);
		assertThat(registered.get("departmentCode").asString()).isEqualTo(departmentCode);
		assertThat(registered.get("authMethod").asString()).isEqualTo("client_secret_basic");
		String secret = registered.get("clientSecret").asString();
		assertThat(secret).matches("[A-Za-z0-9_-]{43}");

		HttpResponse<String> listed = this.gateway.get("/api/admin/clients", this.adminToken);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(secret).doesNotContain("clientSecret");
		assertThat(GatewayHttp.json(listed)).anySatisfy((client) -> {
			assertThat(client.get("clientId").asString()).isEqualTo(clientId);
			assertThat(client.get("scopes").valueStream().map(JsonNode::asString).toList())
				.containsExactly("catalog.read", "sharing.apply");
		});

		HttpResponse<String> token = this.gateway.clientCredentials(clientId, secret, "sharing.apply");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
	}

	@Test
	void refusesAnUnknownScope() {
		assertInvalid(newClient(Identities.uniqueName("system"), this.identities.department(),
				List.of("catalog.read", "catalog.delete")), "scopes");
	}

	@Test
	void refusesTheServicesOwnAuditScope() {
		assertInvalid(newClient(Identities.uniqueName("system"), this.identities.department(), List.of("audit.write")),
				"scopes");
	}

	@Test
	void refusesAnUnregisteredDepartment() {
		assertInvalid(newClient(Identities.uniqueName("system"), IdentityNumbers.creditCode(), List.of("catalog.read")),
				"departmentCode");
	}

	@Test
	void refusesAClientIdTakenAlready() {
		Identities.Client existing = this.identities.system("catalog.read");

		GatewayHttp.problem(
				register(newClient(existing.clientId(), existing.departmentCode(), List.of("catalog.read"))), 409,
				"CONFLICT");
	}

	private void assertInvalid(Map<String, Object> client, String field) {
		JsonNode problem = GatewayHttp.problem(register(client), 400, "INVALID_REQUEST");
		assertThat(problem.get("errors"))
			.anySatisfy((error) -> assertThat(error.get("field").asString()).isEqualTo(field));
	}

	private HttpResponse<String> register(Map<String, Object> client) {
		return this.gateway.postJson("/api/admin/clients", this.adminToken, GatewayHttp.toJson(client));
	}

	private static Map<String, Object> newClient(String clientId, String departmentCode, List<String> scopes) {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", clientId);
		client.put("departmentCode", departmentCode);
		client.put("scopes", scopes);
		client.put("authMethod", "client_secret_basic");
		return client;
	}

}
