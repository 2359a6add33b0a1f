package org.shutong.systemtests.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import org.shutong.systemtests.support.WebBrowser;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console in a real browser: the administrator registers a department system
 * and sees its secret once (which then works at the token endpoint), is told why a second
 * registration of the same id is refused, creates a certificate type through
 * certificate-service, and each change is in the audit log, by the administrator.
 */
@SystemTest
class AdminConsoleSystemTests {

	private static final String DEPARTMENT_SYSTEM = "civil-affairs-system";

	private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(90);

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	AdminConsoleSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void theAdministratorRegistersASystemSeesItsSecretOnceAndTheChangeIsAudited() throws Exception {
		String department = this.platform.demo().client(DEPARTMENT_SYSTEM).departmentCode();
		String clientId = "console-system-" + System.nanoTime() % 1000000;
		String secret;
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/admin/clients", "admin");
			registerClient(browser, clientId, department);
			awaitElement(browser, "#client-id");
			assertThat(browser.heading()).isEqualTo("部门系统已登记");
			assertThat(browser.text("#client-id")).isEqualTo(clientId);
			secret = browser.text("#client-secret");
			assertThat(secret).isNotBlank();
			browser.screenshot("admin-client-registered");

			browser.open("/console/admin/clients");
			assertThat(browser.findAll("tr.client[data-client='" + clientId + "']")).hasSize(1);
			assertThat(browser.pageSource()).doesNotContain(secret);
			assertThat(browser.findAll("#client-secret")).isEmpty();
			browser.screenshot("admin-clients");

			registerClient(browser, clientId, department);
			awaitElement(browser, "#problem");
			assertThat(browser.text("#problem")).contains(clientId);
			assertThat(browser.pageSource()).doesNotContain(secret);
		}
		String token = this.tokens.clientCredentials(clientId, secret, "certificate.read");
		assertThat(token).isNotBlank();

		JsonNode event = awaitAuditEvent("gateway.client.create", "client/" + clientId);
		assertThat(event.get("actor").get("userId").asString()).isEqualTo("admin");
		assertThat(event.get("actor").get("clientId").asString()).isEqualTo("shutong-portal");
		assertThat(event.get("details").get("departmentCode").asString()).isEqualTo(department);
		assertThat(event.toString()).doesNotContain(secret);
	}

	@Test
	void theAdministratorCreatesACertificateType() throws Exception {
		String department = this.platform.demo().client(DEPARTMENT_SYSTEM).departmentCode();
		String code = department + ThreadLocalRandom.current().nextInt(200, 1000);
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/admin/types", "admin");
			browser.find("#code").sendKeys(code);
			browser.find("#typeName").sendKeys("系统测试证明");
			new Select(browser.find("#issuerDepartmentCode")).selectByValue(department);
			new Select(browser.find("#holderKind")).selectByValue("PERSON");
			browser.find("#validityYears").sendKeys("5");
			browser.find("#fieldName0").sendKeys("name");
			browser.find("#fieldLabel0").sendKeys("姓名");
			new Select(browser.find("#fieldRequired0")).selectByValue("true");
			browser.find("#fieldName1").sendKeys("issuedOn");
			browser.find("#fieldLabel1").sendKeys("签发日期");
			new Select(browser.find("#fieldType1")).selectByValue("DATE");
			browser.find("form.form button[type=submit]").click();
			awaitElement(browser, "p.notice");
			assertThat(browser.currentUri().getPath()).isEqualTo("/console/admin/types");
			assertThat(browser.text("p.notice")).contains(code);
			assertThat(browser.text("tr.type[data-code='" + code + "']")).contains("系统测试证明")
				.contains("姓名")
				.contains("签发日期");
			browser.screenshot("admin-types");

			browser.find("#code").sendKeys(code);
			browser.find("#typeName").sendKeys("重复的类型");
			new Select(browser.find("#issuerDepartmentCode")).selectByValue(department);
			browser.find("#fieldName0").sendKeys("name");
			browser.find("#fieldLabel0").sendKeys("姓名");
			browser.find("form.form button[type=submit]").click();
			awaitElement(browser, "#problem");
			assertThat(browser.text("#problem")).contains(code);
			assertThat(browser.find("#code").getAttribute("value")).isEqualTo(code);
		}
		JsonNode event = awaitAuditEvent("certificate.type.create", null);
		assertThat(event.get("actor").get("userId").asString()).isEqualTo("admin");
	}

	@Test
	void anAuditorIsRefusedTheAdminConsole() throws Exception {
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/admin/clients", "auditor");
			assertThat(browser.heading()).isEqualTo("无权访问");
			assertThat(browser.findAll("#clientId")).isEmpty();
		}
	}

	/** Waits for the page a form's submission leads to. */
	private static void awaitElement(WebBrowser browser, String css) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	private static void registerClient(WebBrowser browser, String clientId, String department) {
		browser.find("#clientId").sendKeys(clientId);
		new Select(browser.find("#departmentCode")).selectByValue(department);
		browser.find("#scope-certificate\\.read").click();
		new Select(browser.find("#authMethod")).selectByValue("CLIENT_SECRET_BASIC");
		browser.find("form.form button[type=submit]").click();
	}

	/** The newest event of this action (and resource), as the auditor's API shows it. */
	private JsonNode awaitAuditEvent(String action, String resource) throws Exception {
		String auditor = this.tokens.signIn("auditor", this.platform.demo().password("auditor"), "openid");
		String query = "/api/audit/events?action=" + action
				+ ((resource != null) ? "&resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8) : "");
		Instant deadline = Instant.now().plus(AUDIT_DEADLINE);
		while (true) {
			HttpResponse<String> response = this.http.get(this.platform.gatewayUri(query), auditor);
			List<JsonNode> items = this.http.ok(response).get("items").valueStream().toList();
			if (!items.isEmpty()) {
				return items.get(0);
			}
			assertThat(Instant.now()).as("audited within " + AUDIT_DEADLINE).isBefore(deadline);
			Thread.sleep(1000);
		}
	}

}
