package org.shutong.systemtests.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import org.shutong.systemtests.support.WebBrowser;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's console in a real browser against the running platform: a department's
 * system takes a citizen's certificate (as in flow 5), the auditor finds the fetch by
 * action and department, opens it and sees it verified against a signed checkpoint by the
 * gateway itself, exports the search as CSV, and acknowledges the flow-risk alert the
 * citizen's own reading (no service item) raises. A citizen is refused the console.
 */
@SystemTest
class AuditorConsoleSystemTests {

	private static final String USER_SYSTEM = "civil-affairs-system";

	private static final String ID_CARD_TYPE = "11330100002482100A101";

	private static final String CITIZEN_ID_NUMBER = "330106199203150027";

	/** Events come through the outbox and a checkpoint follows within a second or so. */
	private static final Duration DEADLINE = Duration.ofSeconds(90);

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	AuditorConsoleSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void theAuditorFindsAFetchSeesItVerifiedExportsItAndAcknowledgesAnAlert() throws Exception {
		String department = demo().client(USER_SYSTEM).departmentCode();
		String serviceItem = "330100-MZ-" + System.nanoTime() % 100000;
		fetchTheCitizensIdCard(department, serviceItem);

		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/audit", "auditor");
			new Select(browser.find("#department")).selectByValue(department);
			browser.find("#action").sendKeys("certificate.fetch");
			browser.find("#serviceItem").sendKeys(serviceItem);
			browser.find("form.filters button[type=submit]").click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
				.until(ExpectedConditions.urlContains("action=certificate.fetch"));
			assertThat(browser.currentUri().getQuery()).contains("action=certificate.fetch")
				.contains("department=" + department);
			awaitOnReload(browser, () -> !browser.findAll("tr.event").isEmpty());
			List<WebElement> rows = browser.findAll("tr.event");
			assertThat(rows).hasSize(1);
			assertThat(rows.get(0).getText()).contains("certificate.fetch").contains(serviceItem).contains("成功");
			browser.screenshot("auditor-search");

			String csv = download(browser, browser.find("#export").getAttribute("href"));
			assertThat(csv).startsWith("\uFEFF").contains("leafIndex").contains("certificate.fetch");
			assertThat(csv.lines().filter((line) -> line.contains(serviceItem))).hasSize(1);

			rows.get(0).findElement(By.cssSelector("a")).click();
			assertThat(browser.text("#action")).isEqualTo("certificate.fetch");
			assertThat(browser.text("#department")).contains(department);
			awaitOnReload(browser, () -> !browser.findAll("#verification .verified").isEmpty());
			assertThat(browser.text("#verification")).contains("已验证");
			assertThat(browser.findAll("#verification .unverified")).isEmpty();
			browser.screenshot("auditor-event");

			browser.resize(WebBrowser.PHONE);
			assertThat(browser.scrollsSideways()).as("the event page fits a phone").isFalse();
			browser.resize(WebBrowser.DESKTOP);

			browser.open("/console/audit/alerts?status=OPEN");
			String openNoServiceItem = "tr.alert[data-rule=NO_SERVICE_ITEM][data-status=OPEN]";
			awaitOnReload(browser, () -> !browser.findAll(openNoServiceItem).isEmpty());
			assertThat(browser.findAll("tr.alert"))
				.allSatisfy((alert) -> assertThat(alert.getAttribute("data-status")).isEqualTo("OPEN"));
			browser.screenshot("auditor-alerts");
			browser.find(openNoServiceItem + " a").click();
			String alertPath = browser.currentUri().getPath();
			assertThat(browser.text("#alert-status")).isEqualTo("待处理");
			String note = "已核查：市民本人查看证照，无需处置 " + serviceItem;
			browser.find("#note").sendKeys(note);
			browser.find("form.form button[type=submit]").click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
			assertThat(browser.currentUri().getPath()).isEqualTo(alertPath);
			assertThat(browser.text("p.notice")).contains("已确认");
			assertThat(browser.text("#alert-status")).isEqualTo("已确认");
			assertThat(browser.text("#ack-note")).isEqualTo(note);
			assertThat(browser.findAll("#note")).as("no second acknowledgement").isEmpty();

			browser.open("/console/audit/alerts?status=ACKNOWLEDGED");
			assertThat(browser.findAll("tr.alert")).isNotEmpty()
				.allSatisfy((alert) -> assertThat(alert.getAttribute("data-status")).isEqualTo("ACKNOWLEDGED"));
			browser.open("/console/audit?action=audit.alert.acknowledge");
			awaitOnReload(browser, () -> !browser.findAll("tr.event").isEmpty());
		}
	}

	@Test
	void aSearchTheLogRefusesShowsWhyNextToTheForm() throws Exception {
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/audit", "auditor");
			browser.open("/console/audit?subject=not-a-holder-reference");
			assertThat(browser.text("div.error")).contains("subject");
			assertThat(browser.findAll("#subject")).hasSize(1);
		}
	}

	@Test
	void aCitizenIsRefusedTheAuditorConsole() throws Exception {
		try (WebBrowser browser = new WebBrowser(this.platform)) {
			browser.signIn("/console/audit", "citizen");
			assertThat(browser.heading()).isEqualTo("无权访问");
			assertThat(browser.findAll("form.filters")).isEmpty();
		}
	}

	/**
	 * The demo citizen reads her resident ID card (her own read names no service item, so
	 * it raises a NO_SERVICE_ITEM alert), authorises the department for one service item,
	 * and the department's system fetches an annotated copy for it.
	 */
	private void fetchTheCitizensIdCard(String department, String serviceItem) throws Exception {
		String citizen = this.tokens.signIn("citizen", demo().password("citizen"), "openid");
		DemoCredentials.Client client = demo().client(USER_SYSTEM);
		String system = this.tokens.clientCredentials(client.clientId(), client.clientSecret(), "certificate.read");
		JsonNode idCard = this.http.ok(get("/api/certificates/mine", citizen))
			.get("items")
			.valueStream()
			.filter((certificate) -> certificate.get("typeCode").asString().equals(ID_CARD_TYPE))
			.findFirst()
			.orElseThrow();
		String id = idCard.get("id").asString();
		this.http.ok(get("/api/certificates/" + id, citizen));
		HttpRequest authorize = this.http
			.request(this.platform.gatewayUri("/api/certificates/" + id + "/authorizations"), citizen)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(this.http.json(Map.of("departmentCode", department, "serviceItemCode",
					serviceItem, "validUntil", Instant.now().plus(Duration.ofDays(7)).toString()))))
			.build();
		HttpResponse<String> authorized = this.http.send(authorize);
		assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(201);
		JsonNode copies = this.http.ok(get("/api/certificates?holderIdNumber=" + CITIZEN_ID_NUMBER + "&typeCode="
				+ ID_CARD_TYPE + "&serviceItemCode=" + serviceItem + "&purpose="
				+ URLEncoder.encode("办理婚姻登记 核验身份", StandardCharsets.UTF_8), system));
		assertThat(copies.get("items")).hasSize(1);
	}

	/** A download as the browser would get it: with the browser's session. */
	private String download(WebBrowser browser, String href) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", browser.sessionCookie().getName() + "=" + browser.sessionCookie().getValue())
			.GET()
			.build();
		HttpResponse<byte[]> response = this.http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("attachment").contains("audit-events.csv"));
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	/** Reloads the page until it shows what is awaited, for at most the deadline. */
	private static void awaitOnReload(WebBrowser browser, BooleanSupplier shown) throws InterruptedException {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (!shown.getAsBoolean()) {
			assertThat(Instant.now()).as("shown within " + DEADLINE + " on " + browser.currentUri()).isBefore(deadline);
			Thread.sleep(1000);
			browser.driver().navigate().refresh();
		}
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.get(this.platform.gatewayUri(path), token);
	}

	private DemoCredentials demo() {
		return this.platform.demo();
	}

}
