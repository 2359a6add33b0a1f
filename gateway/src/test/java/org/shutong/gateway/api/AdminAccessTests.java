package org.shutong.gateway.api;

import java.net.http.HttpResponse;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.IdentityNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration API answers administrators only: a person with the ADMIN role or a
 * system with the admin scope.
 */
@GatewayTest
class AdminAccessTests extends GatewayHttpTest {

	private static final String NEW_DEPARTMENT = "{\"creditCode\":\"%s\",\"name\":\"%s\",\"region\":\"杭州市\"}";

	@Test
	void refusesEveryAdminEndpointWithoutAToken() {
		for (AdminCall call : adminCalls()) {
			GatewayHttp.problem(call.send(this.gateway, null), 401, "UNAUTHORIZED");
		}
	}

	@Test
	void refusesEveryAdminEndpointToASystemWithoutTheAdminScope() {
		String systemToken = this.gateway.accessToken(this.identities.system("catalog.read", "catalog.write"),
				"catalog.read catalog.write");

		for (AdminCall call : adminCalls()) {
			GatewayHttp.problem(call.send(this.gateway, systemToken), 403, "FORBIDDEN");
		}
	}

	@Test
	void refusesEveryAdminEndpointToAPersonWithoutTheAdminRole() {
		String auditorToken = commandLine().tokens(this.identities.auditor(), "openid").get("access_token").asString();

		for (AdminCall call : adminCalls()) {
			GatewayHttp.problem(call.send(this.gateway, auditorToken), 403, "FORBIDDEN");
		}
	}

	@Test
	void answersEveryAdminEndpointForAnAdministrator() {
		String adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");

		for (AdminCall call : adminCalls()) {
			HttpResponse<String> response = call.send(this.gateway, adminToken);
			assertThat(response.statusCode()).as("%s: %s", call, response.body()).isBetween(200, 201);
		}
	}

	@Test
	void answersAnAdministratorPersonSignedInThroughTheCommandLine() {
		String adminToken = commandLine().tokens(this.identities.administratorPerson(), "openid")
			.get("access_token")
			.asString();

		HttpResponse<String> response = this.gateway.get("/api/admin/users", adminToken);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static List<AdminCall> adminCalls() {
		String department = NEW_DEPARTMENT.formatted(IdentityNumbers.creditCode(), "门禁测试局 " + System.nanoTime());
		return List.of(new AdminCall("POST", "/api/admin/departments", department),
				new AdminCall("GET", "/api/admin/clients", null), new AdminCall("GET", "/api/admin/users", null),
				new AdminCall("GET", "/api/admin/signing-keys", null));
	}

	private record AdminCall(String method, String path, @Nullable String body) {

		HttpResponse<String> send(GatewayHttp gateway, @Nullable String token) {
			return "POST".equals(this.method) ? gateway.postJson(this.path, token, this.body)
					: gateway.get(this.path, token);
		}

	}

}
