package org.shutong.gateway.department;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.IdentityNumbers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators register departments by their unified social credit code; every caller
 * with a token can list them.
 */
@GatewayTest
class DepartmentAdminTests extends GatewayHttpTest {

	private String adminToken;

	@BeforeEach
	void administrator() {
		this.adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");
	}

	@Test
	void refusesACreditCodeWithAWrongCheckCharacter() {
		HttpResponse<String> response = register(IdentityNumbers.withWrongCheckCharacter(IdentityNumbers.creditCode()),
				uniqueName());

		JsonNode problem = GatewayHttp.problem(response, 400, "INVALID_REQUEST");
		assertThat(problem.get("errors"))
			.anySatisfy((error) -> assertThat(error.get("field").asString()).isEqualTo("creditCode"));
	}

	@Test
	void registersADepartmentThatASystemWithoutAdminRightsThenSees() {
		String creditCode = IdentityNumbers.creditCode();
		String name = uniqueName();

		HttpResponse<String> created = register(creditCode, "  " + name + " ");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/departments/" + creditCode);
		assertThat(GatewayHttp.json(created).get("name").asString()).isEqualTo(name);
		String systemToken = this.gateway.accessToken(this.identities.system("catalog.read"), "catalog.read");
		HttpResponse<String> listed = this.gateway.get("/api/departments", systemToken);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(GatewayHttp.json(listed)).anySatisfy((department) -> {
			assertThat(department.get("creditCode").asString()).isEqualTo(creditCode);
			assertThat(department.get("name").asString()).isEqualTo(name);
			assertThat(department.get("region").asString()).isEqualTo("杭州市");
		});
	}

	@Test
	void refusesADepartmentRegisteredTwice() {
		String creditCode = IdentityNumbers.creditCode();
		assertThat(register(creditCode, uniqueName()).statusCode()).isEqualTo(201);

		GatewayHttp.problem(register(creditCode, uniqueName()), 409, "CONFLICT");
	}

	@Test
	void refusesASecondDepartmentWithTheSameName() {
		String name = uniqueName();
		assertThat(register(IdentityNumbers.creditCode(), name).statusCode()).isEqualTo(201);

		GatewayHttp.problem(register(IdentityNumbers.creditCode(), name), 409, "CONFLICT");
	}

	private HttpResponse<String> register(String creditCode, String name) {
		return this.gateway.postJson("/api/admin/departments", this.adminToken,
				GatewayHttp.toJson(Map.of("creditCode", creditCode, "name", name, "region", "杭州市")));
	}

	private static String uniqueName() {
		return "市测试局 " + UUID.randomUUID();
	}

}
