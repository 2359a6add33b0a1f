package org.shutong.platform.security;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services start before the gateway, and keep running while it is down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shutong.security.audience=" + GatewayTokens.AUDIENCE, "shutong.data-dir=target/test-data" })
class GatewayOutageTests {

	private static final String UNREACHABLE = "http://127.0.0.1:" + closedPort();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void gatewayIsDown(DynamicPropertyRegistry registry) {
		registry.add("shutong.security.issuer", () -> UNREACHABLE);
	}

	@Test
	void startsAndReportsHealthyWithoutTheGateway() throws Exception {
		assertThat(send(null).statusCode()).isEqualTo(200);
	}

	@Test
	void answersServiceUnavailableWhileTheKeysAreOutOfReach() throws Exception {
		GatewayTokens tokens = new GatewayTokens(UNREACHABLE);
		HttpResponse<String> response = send(tokens.sign(tokens.claims().claim("scope", "catalog.read")));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:service-unavailable");
		assertThat(problem.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString())
			.isEqualTo("Bearer tokens cannot be checked at the moment. Try again shortly.");
		assertThat(response.body()).doesNotContain("127.0.0.1", "JWK");
	}

	private HttpResponse<String> send(String token) throws Exception {
		String path = (token != null) ? "/fixture/catalog" : "/actuator/health";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
