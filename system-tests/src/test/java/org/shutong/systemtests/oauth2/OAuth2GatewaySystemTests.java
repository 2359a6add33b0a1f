package org.shutong.systemtests.oauth2;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RequestLogLine;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.ServiceProcess;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens from the gateway's authorization server, for department systems and for people,
 * used on the services through the gateway.
 */
@SystemTest
class OAuth2GatewaySystemTests {

	private static final String SYSTEM = "public-security-system";

	private final RunningPlatform platform;

	private final TokenClient tokens;

	private final Http http = new Http();

	OAuth2GatewaySystemTests(RunningPlatform platform) {
		this.platform = platform;
		this.tokens = new TokenClient(platform);
	}

	@Test
	void aSystemWithItsSecretReadsTheCatalogueAndTheCertificateTypes() throws Exception {
		String token = systemToken("catalog.read certificate.read");

		JsonNode catalogue = this.http.ok(get("/api/catalog/resources", token));
		assertThat(catalogue.get("items").isArray()).isTrue();
		assertThat(catalogue.get("page").asInt()).isZero();
		assertThat(catalogue.get("size").asInt()).isEqualTo(20);
		assertThat(this.http.ok(get("/api/certificates/types", token)).isArray()).isTrue();
	}

	@Test
	void withoutATokenTheServicesThemselvesRefuse() throws Exception {
		assertRefusedByTheService(this.platform.catalog(), "/api/catalog/resources");
		assertRefusedByTheService(this.platform.certificate(), "/api/certificates/types");
	}

	private void assertRefusedByTheService(ServiceProcess service, String path) throws Exception {
		String requestId = "e2e-" + UUID.randomUUID();
		HttpResponse<String> response = this.http
			.send(this.http.request(this.platform.gatewayUri(path), null).header("X-Request-Id", requestId).build());
		this.http.problem(response, 401, "UNAUTHORIZED");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		// The gateway lets routed calls through without a token: the service answered.
		RequestLogLine line = service.awaitRequestLogged(requestId);
		assertThat(line.path()).isEqualTo(path);
		assertThat(line.status()).isEqualTo(401);
	}

	@Test
	void aSystemWithoutTheScopeIsForbidden() throws Exception {
		HttpResponse<String> response = get("/api/catalog/resources", systemToken("catalog.write"));
		this.http.problem(response, 403, "FORBIDDEN");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\""));
	}

	/**
	 * A token asked for with catalogue scopes only is not issued for the certificate
	 * service at all ({@code aud}), so that service refuses it as invalid for it (401),
	 * before any scope is looked at.
	 */
	@Test
	void aTokenForTheCatalogueOnlyIsRefusedByTheCertificateService() throws Exception {
		HttpResponse<String> response = get("/api/certificates/types", systemToken("catalog.read"));
		this.http.problem(response, 401, "UNAUTHORIZED");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("The aud claim is not valid"));
		assertThat(this.platform.certificate()
			.awaitRequestLogged(response.headers().firstValue("X-Request-Id").orElseThrow())
			.status()).isEqualTo(401);
	}

	@Test
	void aSystemRegisteredWithItsPublicKeyGetsTokensWithASignedAssertion() throws Exception {
		String admin = this.tokens.signIn("admin", demo().password("admin"), "openid");
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.generate();
		String clientId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		String department = demo().client(SYSTEM).departmentCode();
		Map<String, Object> registration = Map.of("clientId", clientId, "departmentCode", department, "scopes",
				List.of("catalog.read", "certificate.read"), "authMethod", "private_key_jwt", "jwks",
				new JWKSet(key.toPublicJWK()).toJSONObject());
		HttpResponse<String> registered = this.http
			.send(this.http.request(this.platform.gatewayUri("/api/admin/clients"), admin)
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(this.http.json(registration)))
				.build());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		JsonNode client = this.http.json(registered.body());
		assertThat(client.get("authMethod").asString()).isEqualTo("private_key_jwt");
		assertThat(client.has("clientSecret")).isFalse();

		String token = this.tokens.clientCredentials(clientId, key, "catalog.read certificate.read");
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId);
		assertThat(claims.getStringClaim("dept")).isEqualTo(department);
		this.http.ok(get("/api/catalog/resources", token));
		this.http.ok(get("/api/certificates/types", token));
	}

	@Test
	void anAuditorSignedInReadsTheAuditLog() throws Exception {
		String token = this.tokens.signIn("auditor", demo().password("auditor"), "openid");
		JsonNode events = this.http.ok(get("/api/audit/events", token));
		assertThat(events.get("items").isArray()).isTrue();
		assertThat(events.has("next")).isTrue();
	}

	@Test
	void anAuditorSignedInExportsTheAuditLogAsCsv() throws Exception {
		String token = this.tokens.signIn("auditor", demo().password("auditor"), "openid");
		HttpResponse<byte[]> export = this.http.client()
			.send(this.http.request(this.platform.gatewayUri("/api/audit/events.csv?max=10"), token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("audit-events.csv"));
		String body = new String(export.body(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFFleafIndex,eventId,occurredAt,");
	}

	@Test
	void aCitizenSignedInMayNotReadTheAuditLogButSeesWhoAccessedTheirData() throws Exception {
		String token = this.tokens.signIn("citizen", demo().password("citizen"), "openid");
		this.http.problem(get("/api/audit/events", token), 403, "FORBIDDEN");
		// The gateway's holder claim is what the audit service looks the citizen up by.
		JsonNode mine = this.http.ok(get("/api/audit/mine", token));
		assertThat(mine.get("items").isArray()).isTrue();
		assertThat(mine.has("next")).isTrue();
	}

	private String systemToken(String scope) throws Exception {
		DemoCredentials.Client system = demo().client(SYSTEM);
		return this.tokens.clientCredentials(system.clientId(), system.clientSecret(), scope);
	}

	private DemoCredentials demo() {
		return this.platform.demo();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.get(this.platform.gatewayUri(path), token);
	}

}
