package org.shutong.audit.checkpoint.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkpoint checks out with OpenSSL alone, given the published PEM key: the signature
 * is a plain DER ECDSA P-256 signature with SHA-256 over the note text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CheckpointOpensslTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ObjectMapper json;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void opensslVerifiesTheLatestCheckpoint(@TempDir Path dir) throws Exception {
		String note = latestNote();
		Files.writeString(dir.resolve("key.pem"), get("/api/audit/public-key").get("pem").asString());
		int blank = note.indexOf("\n\n");
		Files.writeString(dir.resolve("text"), note.substring(0, blank + 1), StandardCharsets.UTF_8);
		String signatureLine = note.substring(blank + 2).strip();
		byte[] signed = Base64.getDecoder().decode(signatureLine.substring(signatureLine.lastIndexOf(' ') + 1));
		Files.write(dir.resolve("signature.der"), Arrays.copyOfRange(signed, 4, signed.length));

		assertThat(openssl(dir, "text")).isEqualTo("Verified OK");

		Files.writeString(dir.resolve("altered"), note.substring(0, blank + 1).replaceFirst("\n(\\d)", "\n1$1"));
		assertThat(openssl(dir, "altered")).isEqualTo("Verification failure");
	}

	private static String openssl(Path dir, String file) throws Exception {
		Process process = new ProcessBuilder(
				List.of("openssl", "dgst", "-sha256", "-verify", "key.pem", "-signature", "signature.der", file))
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.findFirst()
			.orElse("");
	}

	/** The first checkpoint is signed just after the service starts. */
	private String latestNote() throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			var result = this.mvc.get().uri("/api/audit/checkpoints/latest").exchange();
			if (result.getResponse().getStatus() == 200) {
				return this.json.readTree(result.getResponse().getContentAsByteArray()).get("note").asString();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no checkpoint was signed within 10 s");
	}

	private JsonNode get(String uri) {
		var result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

}
