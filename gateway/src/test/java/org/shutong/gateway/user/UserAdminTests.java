package org.shutong.gateway.user;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.Browser;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.IdentityNumbers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators create people's accounts; the generated first password is shown once.
 */
@GatewayTest
class UserAdminTests extends GatewayHttpTest {

	private String adminToken;

	@BeforeEach
	void administrator() {
		this.adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");
	}

	@Test
	void createsACitizenWhoseFirstPasswordIsShownOnceAndSignsIn() {
		String username = Identities.uniqueName("citizen");

		HttpResponse<String> created = create(
				newUser(username, List.of("CITIZEN"), null, IdentityNumbers.residentIdNumber()));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode account = GatewayHttp.json(created);
		assertThat(account.get("holderLinked").asBoolean()).isTrue();
		assertThat(account.has("holderIdNumber")).isFalse();
		String password = account.get("password").asString();
		assertThat(password).hasSize(20);

		HttpResponse<String> listed = this.gateway.get("/api/admin/users", this.adminToken);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(password).doesNotContain("\"password\"");
		assertThat(GatewayHttp.json(listed))
			.anySatisfy((user) -> assertThat(user.get("username").asString()).isEqualTo(username));

		assertThat(Browser.signedIn(browser().signIn(username, password))).isTrue();
		assertThat(Browser.signedIn(browser().signIn(username, password + "x"))).isFalse();
	}

	@Test
	void createsAnOperatorOfADepartment() {
		String departmentCode = this.identities.department();

		HttpResponse<String> created = create(
				newUser(Identities.uniqueName("operator"), List.of("DEPT_OPERATOR"), departmentCode, null));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(GatewayHttp.json(created).get("departmentCode").asString()).isEqualTo(departmentCode);
	}

	@Test
	void refusesAnIdNumberWithAWrongCheckCharacter() {
		assertInvalid(newUser(Identities.uniqueName("citizen"), List.of("CITIZEN"), null,
				IdentityNumbers.withWrongCheckCharacter(IdentityNumbers.residentIdNumber())), "holderIdNumber");
	}

	@Test
	void refusesAnOperatorWithoutADepartment() {
		assertInvalid(newUser(Identities.uniqueName("operator"), List.of("DEPT_OPERATOR"), null, null),
				"departmentCode");
	}

	@Test
	void refusesAnUnknownRole() {
		assertInvalid(newUser(Identities.uniqueName("person"), List.of("SUPERUSER"), null, null), "roles");
	}

	private void assertInvalid(Map<String, Object> user, String field) {
		JsonNode problem = GatewayHttp.problem(create(user), 400, "INVALID_REQUEST");
		assertThat(problem.get("errors"))
			.anySatisfy((error) -> assertThat(error.get("field").asString()).isEqualTo(field));
	}

	private HttpResponse<String> create(Map<String, Object> user) {
		return this.gateway.postJson("/api/admin/users", this.adminToken, GatewayHttp.toJson(user));
	}

	private static Map<String, Object> newUser(String username, List<String> roles, @Nullable String departmentCode,
			@Nullable String holderIdNumber) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", username);
		user.put("roles", roles);
		user.put("departmentCode", departmentCode);
		user.put("holderIdNumber", holderIdNumber);
		return user;
	}

}
