package org.shutong.gateway.web.admin;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.Browser;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console's forms as a browser posts them, signed in through the portal.
 */
@GatewayTest
class AdminConsoleTests extends GatewayHttpTest {

	@Test
	void aRegisteredClientsSecretIsShownOnceAndTheListNeverShowsIt() {
		Browser browser = browser();
		HttpResponse<String> page = signIn(browser, this.identities.administratorPerson(), "/console/admin/clients");
		String clientId = Identities.uniqueName("console");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", Browser.csrfToken(page));
		form.put("clientId", clientId);
		form.put("departmentCode", this.identities.department());
		form.put("scopes", "certificate.read");
		form.put("authMethod", "CLIENT_SECRET_BASIC");
		form.put("jwks", "");

		HttpResponse<String> registered = browser.postForm("/console/admin/clients", form);

		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
		assertThat(registered.body()).contains("id=\"client-secret\"").contains(clientId);
		assertThat(registered.headers().firstValue("Cache-Control")).hasValue("no-store");
		HttpResponse<String> list = browser.get("/console/admin/clients");
		assertThat(list.body()).contains(clientId).doesNotContain("client-secret");
	}

	@Test
	void aCreatedUsersFirstPasswordIsShownOnceAndAnOperatorNeedsADepartment() {
		Browser browser = browser();
		HttpResponse<String> page = signIn(browser, this.identities.administratorPerson(), "/console/admin/users");
		String username = Identities.uniqueName("official");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", Browser.csrfToken(page));
		form.put("username", username);
		form.put("roles", "DEPT_OPERATOR");
		form.put("departmentCode", "");
		form.put("holderIdNumber", "");

		HttpResponse<String> refused = browser.postForm("/console/admin/users", form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("departmentCode: is required for a department operator");

		form.put("departmentCode", this.identities.department());
		HttpResponse<String> created = browser.postForm("/console/admin/users", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		assertThat(created.body()).contains("id=\"password\"").contains(username);
		assertThat(browser.get("/console/admin/users").body()).contains(username).doesNotContain("id=\"password\"");
	}

	@Test
	void aDepartmentWithABadCreditCodeIsRefusedNextToTheForm() {
		Browser browser = browser();
		HttpResponse<String> page = signIn(browser, this.identities.administratorPerson(),
				"/console/admin/departments");
		HttpResponse<String> refused = browser.postForm("/console/admin/departments",
				Map.of("_csrf", Browser.csrfToken(page), "creditCode", "123", "name", "测试局", "region", "杭州市"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"problem\"").contains("creditCode:").contains("测试局");
	}

	private static HttpResponse<String> signIn(Browser browser, Identities.Person person, String path) {
		browser.follow(browser.get(path));
		HttpResponse<String> signedIn = browser.follow(browser.signIn(person.username(), person.password()));
		assertThat(signedIn.uri().getPath()).isEqualTo(path);
		return signedIn;
	}

}
