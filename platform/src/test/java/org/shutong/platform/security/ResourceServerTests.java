package org.shutong.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's default resource server, driven over HTTP with tokens signed like the
 * gateway's, whose keys a WireMock server publishes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shutong.security.audience=" + GatewayTokens.AUDIENCE, "shutong.data-dir=target/test-data" })
class ResourceServerTests {

	// One server for all nested classes, as they share one application context.
	static final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final GatewayTokens tokens = new GatewayTokens(gateway.baseUrl());

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void gatewayIssuer(DynamicPropertyRegistry registry) {
		// The JWKS address is left to its default, derived from the issuer.
		registry.add("shutong.security.issuer", gateway::baseUrl);
	}

	@BeforeAll
	static void startGateway() {
		gateway.start();
		gateway.stubFor(get("/oauth2/jwks").willReturn(
				aResponse().withHeader("Content-Type", "application/jwk-set+json").withBody(GatewayTokens.jwks())));
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop();
	}

	@Nested
	class Accepted {

		@Test
		void acceptsATokenWithTheScope() throws Exception {
			HttpResponse<String> response = send("/fixture/catalog", withScope("catalog.read"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("catalog");
		}

		@Test
		void acceptsATokenWithTheRole() throws Exception {
			String token = tokens().sign(tokens().claims().claim("roles", List.of(Roles.AUDITOR)));
			assertThat(send("/fixture/audit", token).statusCode()).isEqualTo(200);
		}

		@Test
		void givesTheControllerTheCaller() throws Exception {
			String token = tokens().sign(tokens().claims()
				.subject("91350100M000100Y43-registry")
				.claim("client_id", "marriage-registry")
				.claim("dept", "91350100M000100Y43")
				.claim("scope", "catalog.read  exchange.query")
				.claim("roles", List.of(Roles.DEPT_OPERATOR)));
			HttpResponse<String> response = send("/fixture/caller?subject=forged&roles=ADMIN", token);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode caller = json().readTree(response.body());
			assertThat(caller.get("subject").asString()).isEqualTo("91350100M000100Y43-registry");
			assertThat(caller.get("clientId").asString()).isEqualTo("marriage-registry");
			assertThat(caller.get("departmentCode").asString()).isEqualTo("91350100M000100Y43");
			assertThat(caller.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("catalog.read",
					"exchange.query");
			assertThat(caller.get("roles").valueStream().map(JsonNode::asString)).containsExactly("DEPT_OPERATOR");
		}

		@Test
		void readsScopesGivenAsAList() throws Exception {
			String token = tokens().sign(tokens().claims().claim("scope", List.of("exchange.query", "catalog.read")));
			assertThat(send("/fixture/catalog", token).statusCode()).isEqualTo(200);
		}

		@Test
		void acceptsAnAccessTokenTypedAsRfc9068Says() throws Exception {
			String token = tokens().sign(tokens().claims().claim("scope", "catalog.read"),
					new JOSEObjectType("at+jwt"));
			assertThat(send("/fixture/catalog", token).statusCode()).isEqualTo(200);
		}

		@Test
		void unknownPathWithATokenIsNotFound() throws Exception {
			JsonNode problem = problem(send("/fixture/nothing-here", withScope("catalog.read")), 404);
			assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
			assertThat(problem.get("instance").asString()).isEqualTo("/fixture/nothing-here");
		}

	}

	@Nested
	class Unauthenticated {

		@Test
		void refusesARequestWithoutAToken() throws Exception {
			HttpResponse<String> response = send("/fixture/catalog", null);
			JsonNode problem = unauthorized(response);
			assertThat(problem.get("detail").asString()).isEqualTo("This request needs a bearer token.");
			assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer ")
				.doesNotContain("error=");
		}

		@Test
		void refusesAnUnknownPathWithoutAToken() throws Exception {
			unauthorized(send("/fixture/nothing-here", null));
		}

		@Test
		void refusesAMalformedToken() throws Exception {
			invalidToken(send("/fixture/catalog", "not-a-jwt"), "Malformed token");
		}

		@Test
		void refusesAnExpiredToken() throws Exception {
			Instant past = Instant.now().minus(Duration.ofHours(1));
			invalidToken(send("/fixture/catalog",
					tokens().sign(scoped().issueTime(Date.from(past))
						.notBeforeTime(Date.from(past))
						.expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))))),
					"Jwt expired at");
		}

		@Test
		void refusesATokenNotValidYet() throws Exception {
			Instant later = Instant.now().plus(Duration.ofHours(1));
			invalidToken(send("/fixture/catalog", tokens().sign(scoped().notBeforeTime(Date.from(later))
				.expirationTime(Date.from(later.plus(Duration.ofMinutes(5)))))), "Jwt used before");
		}

		@Test
		void refusesATokenFromAnotherIssuer() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().sign(scoped().issuer("http://evil.example"))),
					"The iss claim is not valid");
		}

		@Test
		void refusesATokenForAnotherService() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().sign(scoped().audience("certificate-service"))),
					"The aud claim is not valid");
		}

		@Test
		void refusesATokenWithoutAudience() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().sign(scoped().audience((String) null))),
					"The aud claim is not valid");
		}

		@Test
		void refusesATokenWithoutSubject() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().sign(scoped().subject(null))), "The sub claim is not valid");
		}

		@Test
		void refusesATamperedToken() throws Exception {
			String[] signed = tokens().sign(scoped()).split("\\.");
			String widened = tokens().claims().claim("scope", "catalog.read admin").build().toPayload().toString();
			String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes());
			invalidToken(send("/fixture/catalog", signed[0] + "." + payload + "." + signed[2]), "Invalid signature");
		}

		@Test
		void refusesAnUnsignedToken() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().unsigned(scoped())), "Unsupported algorithm of none");
		}

		@Test
		void refusesAnHmacTokenKeyedWithThePublicKey() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().hmacWithThePublicKey(scoped())),
					"Another algorithm expected");
		}

		@Test
		void refusesATokenSignedByAnUnknownKey() throws Exception {
			invalidToken(send("/fixture/catalog", tokens().signWithStrangerKey(scoped())), "no matching key(s) found");
		}

		private JWTClaimsSet.Builder scoped() {
			return tokens().claims().claim("scope", "catalog.read");
		}

		/**
		 * Asserts the refusal and, through Spring Security's description of it in the
		 * header, that the token was refused for the reason the test means.
		 */
		private void invalidToken(HttpResponse<String> response, String reason) {
			JsonNode problem = unauthorized(response);
			assertThat(problem.get("detail").asString())
				.isEqualTo("The bearer token is invalid, has expired or was not issued for this service.");
			assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
				.startsWith("Bearer error=\"invalid_token\"")
				.contains(reason);
		}

		private JsonNode unauthorized(HttpResponse<String> response) {
			JsonNode problem = problem(response, 401);
			assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:unauthorized");
			assertThat(problem.get("code").asString()).isEqualTo("UNAUTHORIZED");
			assertThat(problem.get("title").asString()).isEqualTo("Authentication required");
			assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
			return problem;
		}

	}

	@Nested
	class Forbidden {

		@Test
		void refusesATokenWithoutTheScope() throws Exception {
			forbidden(send("/fixture/catalog", withScope("exchange.query")));
		}

		@Test
		void refusesATokenWithoutTheRole() throws Exception {
			String token = tokens().sign(tokens().claims().claim("roles", List.of(Roles.CITIZEN)));
			forbidden(send("/fixture/audit", token));
		}

		@Test
		void doesNotTakeAScopeForARole() throws Exception {
			forbidden(send("/fixture/audit", withScope("ROLE_AUDITOR")));
		}

		@Test
		void refusesAnEndpointThatOpensToNobody() throws Exception {
			String token = tokens()
				.sign(tokens().claims().claim("scope", "catalog.read admin").claim("roles", List.of(Roles.ADMIN)));
			forbidden(send("/fixture/unopened", token));
		}

		private void forbidden(HttpResponse<String> response) {
			JsonNode problem = problem(response, 403);
			assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:forbidden");
			assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
			assertThat(problem.get("title").asString()).isEqualTo("Access denied");
			assertThat(problem.get("detail").asString())
				.isEqualTo("The caller's token does not grant the scope or role this request needs.");
			assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
				.startsWith("Bearer error=\"insufficient_scope\"");
			assertThat(response.body()).doesNotContain("nobody should see this");
		}

	}

	@Nested
	class Operations {

		@Test
		void healthIsOpenWithoutAToken() throws Exception {
			assertThat(send("/actuator/health", null).statusCode()).isEqualTo(200);
			assertThat(send("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		}

		@Test
		void infoIsOpenWithoutAToken() throws Exception {
			assertThat(send("/actuator/info", null).statusCode()).isEqualTo(200);
		}

		@Test
		void metricsNeedAToken() throws Exception {
			assertThat(problem(send("/actuator/prometheus", null), 401).get("code").asString())
				.isEqualTo("UNAUTHORIZED");
			assertThat(send("/actuator/prometheus", tokens().sign(tokens().claims())).statusCode()).isEqualTo(200);
		}

		@Test
		void otherActuatorEndpointsNeedAToken() throws Exception {
			problem(send("/actuator", null), 401);
		}

		@Test
		void namesTheGatewayInTheResourceMetadata() throws Exception {
			HttpResponse<String> response = send("/.well-known/oauth-protected-resource", null);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json().readTree(response.body()).get("authorization_servers").get(0).asString())
				.isEqualTo(gateway.baseUrl());
		}

	}

	private GatewayTokens tokens() {
		return this.tokens;
	}

	private JsonMapper json() {
		return this.json;
	}

	private String withScope(String scope) {
		return this.tokens.sign(this.tokens.claims().claim("scope", scope));
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("instance").asString()).isEqualTo(response.uri().getPath());
		assertThat(problem.get("requestId").asString()).isNotBlank();
		return problem;
	}

	private HttpResponse<String> send(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
