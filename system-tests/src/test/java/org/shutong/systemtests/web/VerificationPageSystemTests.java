package org.shutong.systemtests.web;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import org.shutong.systemtests.support.WebBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public verification page, without signing in: a pasted certificate is genuine, a
 * changed one is not, and a picture of its QR code verifies too.
 */
@SystemTest
class VerificationPageSystemTests {

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	private WebBrowser browser;

	VerificationPageSystemTests(RunningPlatform platform) {
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
	void aPastedCertificateIsGenuineAndAChangedOneIsNot() throws Exception {
		ObjectNode certificate = (ObjectNode) citizensCertificates().get(0);

		verifyText(certificate.toString());
		assertThat(this.browser.text("#verdict")).contains("真实有效", "林**");
		assertThat(this.browser.pageSource()).doesNotContain("330106199203150027");
		this.browser.screenshot("verification-valid");

		((ObjectNode) certificate.get("holder")).put("name", "林晓文");
		verifyText(certificate.toString());
		assertThat(this.browser.text("#verdict")).contains("签名无效");
		this.browser.screenshot("verification-tampered");

		verifyText("这不是证照");
		assertThat(this.browser.text("div.error")).contains("无法识别");
	}

	@Test
	void aPictureOfTheQrCodeVerifies() throws Exception {
		String citizen = this.tokens.signIn("citizen", this.platform.demo().password("citizen"), "openid");
		String id = citizensCertificates().get(0).get("id").asString();
		HttpResponse<byte[]> png = this.http.client()
			.send(this.http.request(this.platform.gatewayUri("/api/certificates/" + id + "/qr"), citizen).build(),
					BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		Path picture = Files.createTempFile("qr-", ".png");
		Files.write(picture, png.body());

		this.browser.open("/verification");
		this.browser.find("#file").sendKeys(picture.toString());
		this.browser.submit(this.browser.find("form.form button[type=submit]"));

		assertThat(this.browser.text("#verdict")).contains("真实有效");
	}

	private void verifyText(String text) {
		this.browser.open("/verification");
		// As a paste: typing key by key would take long for a whole certificate.
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].value = arguments[1]",
				this.browser.find("#payload"), text);
		this.browser.submit(this.browser.find("form.form button[type=submit]"));
	}

	private JsonNode citizensCertificates() throws Exception {
		String citizen = this.tokens.signIn("citizen", this.platform.demo().password("citizen"), "openid");
		return this.http.ok(this.http.get(this.platform.gatewayUri("/api/certificates/mine"), citizen)).get("items");
	}

}
