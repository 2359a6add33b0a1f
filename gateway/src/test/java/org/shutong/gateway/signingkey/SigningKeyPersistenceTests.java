package org.shutong.gateway.signingkey;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shutong.gateway.GatewayApplication;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.Jwts;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The signing keys live in the database, sealed under the master key: a restarted gateway
 * signs and verifies with the same keys, and refuses to start with another master key.
 */
class SigningKeyPersistenceTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsItsSigningKeyAcrossARestartAndNeedsTheSameMasterKey() {
		String token;
		List<String> keyIdsBefore;
		try (ConfigurableApplicationContext first = start()) {
			GatewayHttp gateway = new GatewayHttp(port(first));
			token = gateway.accessToken(new Identities(first).system("catalog.read"), "catalog.read");
			keyIdsBefore = keyIds(gateway);
		}
		assertThat(keyIdsBefore).contains(Jwts.parse(token).getHeader().getKeyID());

		try (ConfigurableApplicationContext second = start()) {
			GatewayHttp gateway = new GatewayHttp(port(second));
			assertThat(keyIds(gateway)).isEqualTo(keyIdsBefore);
			assertThat(gateway.get("/api/departments", token).statusCode()).isEqualTo(200);
		}

		assertThatException().isThrownBy(() -> start("--shutong.gateway.signing-keys.master-key=" + otherMasterKey()))
			.withStackTraceContaining("shutong.gateway.signing-keys.master-key");
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("gateway")
						+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
				"--shutong.data-dir=" + this.dataDir, "--shutong.demo.enabled=false", "--server.port=0"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(GatewayApplication.class).profiles("test").run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static List<String> keyIds(GatewayHttp gateway) {
		List<String> keyIds = new ArrayList<>();
		gateway.jwks().get("keys").forEach((key) -> keyIds.add(key.get("kid").asString()));
		return keyIds;
	}

	private static String otherMasterKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
