package org.shutong.systemtests.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import org.shutong.systemtests.support.WebBrowser;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department operator console in a real browser against the running platform:
 * 市市场监督管理局's operator publishes a conditional resource (whose name tries to inject
 * markup) through the form, 市公安局's system applies for it twice through the API, and the
 * operator approves one application for fewer items, rejects the other, revokes the
 * grant, changes and retires the resource and reads the statistics.
 */
@SystemTest
class OperatorConsoleSystemTests {

	private static final String OPERATOR = "operator-market-regulation";

	private static final String CONSUMER_SYSTEM = "public-security-system";

	private static final String HOSTILE_NAME = "<script>alert(1)</script>户籍<img src=x onerror=alert(2)>";

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	OperatorConsoleSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void anOperatorPublishesDecidesApplicationsAndReadsTheStatistics() throws Exception {
		String name = HOSTILE_NAME + " " + UUID.randomUUID();
		String providerDept = this.platform.demo()
			.users()
			.stream()
			.filter((user) -> user.username().equals(OPERATOR))
			.findFirst()
			.orElseThrow()
			.departmentCode();
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/operator", OPERATOR);
			assertThat(browser.heading()).isEqualTo("部门工作台");
			assertThat(browser.text("#department")).contains("市市场监督管理局");
			browser.screenshot("operator-overview");

			String code = publish(browser, name);
			assertThat(code).startsWith("SC-" + providerDept + "-");
			assertShownAsText(browser, "#resource-name", name);
			assertThat(browser.text("#resource-status")).isEqualTo("已发布");
			assertThat(browser.findAll("#items tbody tr")).hasSize(4);

			browser.open("/console/operator/resources");
			WebElement row = browser.find("tr.resource[data-code='" + code + "']");
			assertThat(row.findElement(By.cssSelector(".resource-name")).getText()).isEqualTo(name);
			assertNoInjectedElements(browser);
			browser.screenshot("operator-resources");
			browser.resize(WebBrowser.PHONE);
			browser.open("/console/operator/resources");
			assertThat(browser.find("tr.resource[data-code='" + code + "']").isDisplayed()).isTrue();
			assertThat(browser.scrollsSideways()).as("the resource list scrolls sideways on a phone").isFalse();
			browser.screenshot("operator-resources-phone");
			browser.resize(WebBrowser.DESKTOP);

			String consumer = consumerToken();
			String approvedId = apply(consumer, code, List.of("enterpriseName", "creditCode", "legalPerson"));
			String rejectedId = apply(consumer, code, List.of("enterpriseName"));

			browser.open("/console/operator/applications?side=provider&status=PENDING");
			WebElement incoming = browser.find("tr.application[data-id='" + approvedId + "']");
			assertThat(incoming.getText()).contains(name, "市公安局", "待审核");
			assertThat(browser.findAll("tr.application[data-id='" + rejectedId + "']")).hasSize(1);
			assertNoInjectedElements(browser);
			browser.screenshot("operator-applications");

			browser.submit(incoming.findElement(By.tagName("a")));
			assertThat(browser.text("#application-status")).isEqualTo("待审核");
			assertShownAsText(browser, "#application-resource", name);
			List<WebElement> items = browser.findAll("#approve input[name=items]");
			assertThat(items).extracting((item) -> item.getAttribute("value"))
				.containsExactly("enterpriseName", "creditCode", "legalPerson");
			assertThat(items).allSatisfy((item) -> assertThat(item.isSelected()).isTrue());
			browser.find("#approve input[name=items][value=legalPerson]").click();
			browser.screenshot("operator-application");
			browser.submit(browser.find("#approve-submit"));

			assertThat(browser.text("#application-status")).isEqualTo("已同意");
			assertThat(browser.findAll("#granted-items li")).extracting(WebElement::getText)
				.containsExactly("enterpriseName", "creditCode");
			JsonNode grant = consumerGrant(consumer, approvedId);
			assertThat(grant.get("items").valueStream().map(JsonNode::asString)).containsExactly("enterpriseName",
					"creditCode");
			assertThat(grant.get("rawValues").asBoolean()).isFalse();
			String grantId = grant.get("id").asString();

			browser.open("/console/operator/applications/" + rejectedId);
			browser.find("#reason").sendKeys("申请的用途与共享条件不符");
			browser.submit(browser.find("#reject-submit"));
			assertThat(browser.text("#application-status")).isEqualTo("已驳回");
			assertThat(browser.text("#rejection-reason")).isEqualTo("申请的用途与共享条件不符");
			JsonNode rejected = this.http.ok(get("/api/catalog/applications/" + rejectedId, consumer));
			assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
			assertThat(rejected.get("grantId").isNull()).isTrue();

			browser.open("/console/operator/grants");
			WebElement given = browser.find("#grants-given tr.grant[data-id='" + grantId + "']");
			assertThat(given.findElement(By.cssSelector(".grant-items")).getText())
				.isEqualTo("enterpriseName、creditCode");
			browser.screenshot("operator-grants");
			given.findElement(By.cssSelector("input[name=reason]")).sendKeys("办理事项已结束");
			browser.submit(given.findElement(By.cssSelector("button[type=submit]")));
			assertThat(browser.text("p.notice")).isEqualTo("授权已撤销。");
			assertThat(browser.text("#grants-given tr.grant[data-id='" + grantId + "']")).contains("已撤销");
			assertThat(consumerGrant(consumer, approvedId).get("status").asString()).isEqualTo("REVOKED");

			browser.open("/console/operator/statistics");
			WebElement statistics = browser.find("#statistics");
			WebElement statisticsRow = statistics.findElements(By.cssSelector("tr.row"))
				.stream()
				.filter((candidate) -> candidate.getText().contains(code))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no statistics row for " + code));
			List<String> counts = statisticsRow.findElements(By.tagName("td"))
				.stream()
				.skip(3)
				.map(WebElement::getText)
				.toList();
			// filed, pending, approved, rejected, active grants, queries, answered
			// queries
			assertThat(counts).containsExactly("2", "0", "1", "1", "1", "0", "0");
			assertThat(browser.findAll("#chart-by-resource text.label")).extracting(WebElement::getText).contains(name);
			assertThat(browser.findAll("#chart-by-resource rect.bar-filed")).isNotEmpty();
			assertNoInjectedElements(browser);
			browser.screenshot("operator-statistics");

			changeAndRetire(browser, code, name);
		}
	}

	@Test
	void theFormShowsTheCataloguesFieldErrorsNextToTheFields() {
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/operator/resources/new", OPERATOR);
			fill(browser, "婚姻状况 " + UUID.randomUUID(),
					"enterpriseName|string|是|企业名称\ncreditCode|text|否|统一社会信用代码\nenterpriseName|string|否|重复");
			browser.submit(browser.find("#submit-resource"));

			assertThat(browser.find("#problem").getText()).as(browser.text("main")).contains("提交的内容有误");
			assertThat(browser.text("#errors-items")).contains("第 2 项 type", "第 3 项");
			// What was typed is still there, to correct.
			assertThat(browser.find("#items").getAttribute("value")).contains("creditCode|text|否");
			browser.screenshot("operator-resource-form-errors");
		}
	}

	@Test
	void aCitizenIsRefusedTheOperatorConsole() {
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/operator", "citizen");
			assertThat(browser.heading()).isEqualTo("无权访问");
			assertThat(browser.text("main")).contains("您没有访问此内容的权限").doesNotContain("Exception");
			assertThat(browser.pageSource()).doesNotContain("at org.", "Whitelabel");
			browser.open("/console/operator/resources/new");
			assertThat(browser.heading()).isEqualTo("无权访问");
		}
	}

	private String publish(WebBrowser browser, String name) {
		browser.open("/console/operator/resources/new");
		assertThat(browser.heading()).isEqualTo("发布资源");
		fill(browser, name, "enterpriseName|string|是|企业名称\ncreditCode|string|否|统一社会信用代码\n"
				+ "legalPerson|string|是|法定代表人\nregisteredOn|date|否|成立日期");
		browser.screenshot("operator-resource-form");
		browser.submit(browser.find("#submit-resource"));
		assertThat(browser.text("p.notice")).isEqualTo("资源已发布。");
		return browser.text("#resource-code");
	}

	private static void fill(WebBrowser browser, String name, String items) {
		browser.find("#name").sendKeys(name);
		browser.find("#description").sendKeys("企业登记的基本信息 Enterprise registrations");
		new Select(browser.find("#category")).selectByValue("SC");
		new Select(browser.find("#securityLevel")).selectByValue("3");
		new Select(browser.find("#sharingType")).selectByValue("CONDITIONAL");
		browser.find("#sharingCondition").sendKeys("仅限办理政务服务事项");
		new Select(browser.find("#openType")).selectByValue("NOT_OPEN");
		new Select(browser.find("#updateCycle")).selectByValue("DAILY");
		browser.find("#items").sendKeys(items);
		browser.find("#endpointUrl").sendKeys("https://sc.example.gov/api/enterprises");
		new Select(browser.find("#endpointMethod")).selectByValue("POST");
		browser.find("#parameters").sendKeys("creditCode|string|是|统一社会信用代码");
	}

	private void changeAndRetire(WebBrowser browser, String code, String name) {
		browser.open("/console/operator/resources/" + code + "/edit");
		assertThat(browser.find("#name").getAttribute("value")).isEqualTo(name);
		assertThat(new Select(browser.find("#category")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("SC");
		assertThat(browser.find("#items").getAttribute("value")).contains("legalPerson|string|true|法定代表人");
		browser.find("#description").clear();
		browser.find("#description").sendKeys("企业登记的基本信息，含成立日期");
		browser.submit(browser.find("#submit-resource"));
		assertThat(browser.text("p.notice")).isEqualTo("已发布新版本。");
		assertThat(browser.text("#resource-description")).isEqualTo("企业登记的基本信息，含成立日期");
		assertThat(browser.findAll("#versions tbody tr")).hasSize(2);
		assertShownAsText(browser, "#resource-name", name);

		browser.find("#retire-reason").sendKeys("由新的企业信用信息资源替代");
		browser.submit(browser.find("#retire button[type=submit]"));
		assertThat(browser.text("#resource-status")).isEqualTo("已停用");
		assertThat(browser.findAll("#versions tbody tr")).hasSize(3);
		assertThat(browser.findAll("#retire")).as("a retired resource cannot be retired again").isEmpty();
		browser.screenshot("operator-resource");
	}

	/** The name is on the page as the very text typed, and made no element of its own. */
	private static void assertShownAsText(WebBrowser browser, String css, String name) {
		assertThat(browser.text(css)).isEqualTo(name).contains("<script>");
		assertNoInjectedElements(browser);
	}

	private static void assertNoInjectedElements(WebBrowser browser) {
		assertThat(browser.findAll("script")).as("script elements").isEmpty();
		assertThat(browser.findAll("img[src=x], img[onerror]")).as("injected images").isEmpty();
		assertThat(browser.pageSource()).doesNotContain("<script>alert(1)</script>");
	}

	private String apply(String consumer, String code, List<String> items) throws Exception {
		HttpResponse<String> filed = post("/api/catalog/resources/" + code + "/applications", consumer,
				Map.of("purpose", "核验企业登记信息", "legalBasis", "《优化营商环境条例》第三十七条", "items", items, "serviceItemCode",
						"330100-QY-001", "validUntil", Instant.now().plus(Duration.ofDays(90)).toString()));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		JsonNode application = this.http.json(filed.body());
		assertThat(application.get("status").asString()).isEqualTo("PENDING");
		return application.get("id").asString();
	}

	private JsonNode consumerGrant(String consumer, String applicationId) throws Exception {
		JsonNode page = this.http.ok(get("/api/catalog/grants?side=consumer&size=100", consumer));
		return page.get("items")
			.valueStream()
			.filter((grant) -> grant.get("applicationId").asString().equals(applicationId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no grant of application " + applicationId + ": " + page));
	}

	private String consumerToken() throws Exception {
		DemoCredentials.Client client = this.platform.demo().client(CONSUMER_SYSTEM);
		return this.tokens.clientCredentials(client.clientId(), client.clientSecret(), "catalog.read sharing.apply");
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
