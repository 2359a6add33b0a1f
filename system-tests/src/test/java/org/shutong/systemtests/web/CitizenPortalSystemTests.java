package org.shutong.systemtests.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import org.shutong.systemtests.support.WebBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo citizen in a real browser, through the gateway's pages, against the real
 * services: her certificates, one's detail, its signed PDF and QR code; she authorises
 * 市民政局, whose system takes the certificate, and she sees that use in "who accessed my
 * data"; she withdraws it; another person's certificate stays closed to her; the pages
 * fit a phone; signing out ends the session.
 */
@SystemTest
class CitizenPortalSystemTests {

	private static final String ID_CARD_TYPE = "11330100002482100A101";

	private static final String CITIZEN_ID_NUMBER = "330106199203150027";

	private static final String OTHER_ID_NUMBER = "330102199001010012";

	private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(90);

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	private WebBrowser browser;

	CitizenPortalSystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@BeforeEach
	void openTheBrowser() {
		this.browser = new WebBrowser(this.platform);
	}

	@AfterEach
	void closeTheBrowser() {
		this.browser.close();
	}

	@Test
	void aCitizenSeesDownloadsAndAuthorisesHerCertificateAndSeesTheDepartmentsUse() throws Exception {
		String serviceItem = "330100-MZ-WEB-" + System.nanoTime() % 100000;
		DemoCredentials.Client civilAffairs = this.platform.demo().client("civil-affairs-system");

		this.browser.signIn("/portal", "citizen");
		assertThat(this.browser.heading()).isEqualTo("我的证照");
		assertThat(this.browser.sessionCookie().isHttpOnly()).isTrue();
		assertThat(this.browser.findAll("tr.certificate")).extracting(WebElement::getText)
			.anySatisfy((row) -> assertThat(row).contains("居民身份证电子证照", "市公安局", "有效"));
		this.browser.screenshot("citizen-certificates");

		this.browser.submit(this.browser.driver().findElement(By.linkText("居民身份证电子证照")));
		String detail = this.browser.currentUri().getPath();
		assertThat(this.browser.text("#certificate-status")).isEqualTo("有效");
		assertThat(this.browser.text("dl.fields")).contains("330106********0027", "浙江省杭州市西湖区文三路 100 号");
		this.browser.screenshot("citizen-certificate");

		this.browser.find("#download-pdf").click();
		byte[] pdf = this.browser.downloaded("certificate.pdf", Duration.ofSeconds(30));
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		this.browser.submit(this.browser.find("#show-qr"));
		WebElement qr = this.browser.find("#qr");
		Object width = ((JavascriptExecutor) this.browser.driver()).executeScript("return arguments[0].naturalWidth",
				qr);
		assertThat(((Number) width).intValue()).as("the QR image loaded").isGreaterThan(100);
		this.browser.screenshot("citizen-qr");

		this.browser.open(detail);
		new Select(this.browser.find("#departmentCode")).selectByValue(civilAffairs.departmentCode());
		this.browser.find("#serviceItemCode").sendKeys(serviceItem);
		setValue(this.browser.find("#validUntil"), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString());
		this.browser.submit(this.browser.find("form[action$='/authorizations'] button"));
		this.browser.screenshot("citizen-authorized");
		assertThat(this.browser.text("p.notice")).contains("市民政局");
		assertThat(this.browser.findAll("tr.authorization")).extracting(WebElement::getText)
			.anySatisfy((row) -> assertThat(row).contains("市民政局", serviceItem, "有效"));

		String system = this.tokens.clientCredentials(civilAffairs.clientId(), civilAffairs.clientSecret(),
				"certificate.read");
		assertThat(fetch(system, serviceItem).statusCode()).isEqualTo(200);

		this.browser.open("/portal/accesses");
		WebElement use = awaitAccess(serviceItem);
		assertThat(use.getText()).contains("市民政局", "调用证照（加注件）", "办理婚姻登记", "成功");
		this.browser.screenshot("citizen-accesses");

		this.browser.open("/portal/authorizations");
		this.browser.screenshot("citizen-authorizations");
		this.browser.submit(this.browser.findAll("tr.authorization")
			.stream()
			.filter((row) -> row.getText().contains(serviceItem))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("button.danger")));
		assertThat(this.browser.text("p.notice")).contains("授权已撤回");
		assertThat(this.browser.findAll("tr.authorization")).extracting(WebElement::getText)
			.anySatisfy((row) -> assertThat(row).contains(serviceItem, "已撤回"));
		assertThat(fetch(system, serviceItem).statusCode()).isEqualTo(403);
	}

	@Test
	void anotherPersonsCertificateDoesNotOpenByChangingTheIdInTheAddress() throws Exception {
		String others = issueIdCardTo(OTHER_ID_NUMBER, "周建国");
		this.browser.signIn("/portal", "citizen");

		this.browser.open("/portal/certificates/" + others);

		assertThat(this.browser.heading()).isEqualTo("未找到");
		assertThat(this.browser.pageSource()).doesNotContain("周建国", OTHER_ID_NUMBER.substring(0, 6) + "********");
		this.browser.open("/portal/certificates/" + others + "/pdf");
		assertThat(this.browser.heading()).isEqualTo("未找到");
	}

	@Test
	void thePortalFitsAPhoneWithoutScrollingSideways() {
		this.browser.resize(WebBrowser.PHONE);
		this.browser.signIn("/portal", "citizen");

		for (String path : new String[] { "/portal", "/portal/authorizations", "/portal/accesses", "/verification",
				"/" }) {
			this.browser.open(path);
			assertThat(this.browser.scrollsSideways()).as("%s at 360 px", path).isFalse();
		}
		this.browser.open("/portal");
		this.browser.submit(this.browser.driver().findElement(By.partialLinkText("居民身份证")));
		assertThat(this.browser.scrollsSideways()).as("a certificate at 360 px").isFalse();
		this.browser.screenshot("citizen-phone-certificate");
		this.browser.open("/portal");
		this.browser.screenshot("citizen-phone");
	}

	@Test
	void signingOutEndsTheSessionSoTheOldCookieOpensNothing() {
		this.browser.signIn("/portal", "citizen");
		String session = this.browser.sessionCookie().getValue();

		this.browser.signOut();

		assertThat(this.browser.text("p.notice")).contains("已安全退出");
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/");
		this.browser.driver().manage().addCookie(new Cookie("SHUTONG_SESSION", session, "/"));
		this.browser.open("/portal");
		assertThat(this.browser.currentUri().getPath()).as("signed out: the sign-in form again").isEqualTo("/login");
	}

	private WebElement awaitAccess(String serviceItem) throws InterruptedException {
		Instant deadline = Instant.now().plus(AUDIT_DEADLINE);
		while (true) {
			var row = this.browser.findAll("tr.access")
				.stream()
				.filter((r) -> r.getText().contains(serviceItem))
				.findFirst();
			if (row.isPresent()) {
				return row.get();
			}
			assertThat(Instant.now()).as("the use shown within %s", AUDIT_DEADLINE).isBefore(deadline);
			Thread.sleep(1000);
			this.browser.driver().navigate().refresh();
		}
	}

	private void setValue(WebElement input, String value) {
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].value = arguments[1]", input, value);
	}

	private HttpResponse<String> fetch(String token, String serviceItem) throws Exception {
		return this.http.get(this.platform.gatewayUri("/api/certificates?holderIdNumber=" + CITIZEN_ID_NUMBER
				+ "&typeCode=" + ID_CARD_TYPE + "&serviceItemCode=" + serviceItem + "&purpose="
				+ URLEncoder.encode("办理婚姻登记 核验身份", StandardCharsets.UTF_8)), token);
	}

	private String issueIdCardTo(String idNumber, String name) throws Exception {
		DemoCredentials.Client issuer = this.platform.demo().client("public-security-system");
		String token = this.tokens.clientCredentials(issuer.clientId(), issuer.clientSecret(), "certificate.issue");
		String body = this.http.json(
				Map.of("typeCode", ID_CARD_TYPE, "holder", Map.of("kind", "PERSON", "idNumber", idNumber, "name", name),
						"fields", Map.of("name", name, "sex", "男", "birthDate", "1990-01-01", "address", "浙江省杭州市上城区"),
						"validFrom", "2020-01-01T00:00:00+08:00"));
		HttpRequest request = this.http.request(this.platform.gatewayUri("/api/certificates"), token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> issued = this.http.send(request);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return this.http.json(issued.body()).get("id").asString();
	}

}
