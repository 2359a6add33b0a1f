package org.shutong.gateway.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.Jwts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department system registered through the admin API with its public key authenticates
 * with a signed JWT instead of a secret (RFC 7523, {@code private_key_jwt}).
 */
@GatewayTest
class PrivateKeyJwtTests extends GatewayHttpTest {

	/** The gateway's issuer: what a client assertion's audience names. */
	private static final String ISSUER = "http://127.0.0.1:8080";

	private final ECKey systemKey = Jwts.generateKey(UUID.randomUUID().toString());

	private String adminToken;

	@BeforeEach
	void administrator() {
		this.adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");
	}

	@Test
	void registersASystemWithItsPublicKeyAndGivesItATokenForASignedAssertion() throws Exception {
		String clientId = register(this.systemKey);

		HttpResponse<String> response = tokenRequest(clientId, assertion(clientId, this.systemKey, ISSUER));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		SignedJWT token = Jwts.parse(GatewayHttp.json(response).get("access_token").asString());
		assertThat(token.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo(clientId);
		assertThat(token.getJWTClaimsSet().getAudience()).contains("gateway", "catalog-service");
	}

	@Test
	void acceptsTheTokenEndpointAsAudience() {
		String clientId = register(this.systemKey);

		HttpResponse<String> response = tokenRequest(clientId,
				assertion(clientId, this.systemKey, ISSUER + "/oauth2/token"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void refusesAnAssertionPresentedTwice() {
		String clientId = register(this.systemKey);
		String assertion = assertion(clientId, this.systemKey, ISSUER);
		assertThat(tokenRequest(clientId, assertion).statusCode()).isEqualTo(200);

		HttpResponse<String> replay = tokenRequest(clientId, assertion);

		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(replay).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnAssertionSignedWithAnotherKeyUnderTheSameKeyId() {
		String clientId = register(this.systemKey);
		ECKey impostor = Jwts.generateKey(this.systemKey.getKeyID());

		HttpResponse<String> response = tokenRequest(clientId, assertion(clientId, impostor, ISSUER));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnAssertionForAnotherAudience() {
		String clientId = register(this.systemKey);

		HttpResponse<String> response = tokenRequest(clientId,
				assertion(clientId, this.systemKey, "https://elsewhere.example"));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesAnAssertionThatLivesTooLong() {
		String clientId = register(this.systemKey);

		HttpResponse<String> response = tokenRequest(clientId,
				assertion(clientId, this.systemKey, ISSUER, Duration.ofHours(1)));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAKeySetThatHoldsAPrivateKey() {
		HttpResponse<String> response = postClient(
				newClient(Identities.uniqueName("system"), new JWKSet(this.systemKey).toJSONObject(false)));

		JsonNode problem = GatewayHttp.problem(response, 400, "INVALID_REQUEST");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("jwks");
	}

	@Test
	void refusesPrivateKeyJwtWithoutAKeySet() {
		HttpResponse<String> response = postClient(newClient(Identities.uniqueName("system"), null));

		JsonNode problem = GatewayHttp.problem(response, 400, "INVALID_REQUEST");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("jwks");
	}

	private String register(ECKey key) {
		String clientId = Identities.uniqueName("system");
		HttpResponse<String> response = postClient(
				newClient(clientId, new JWKSet(key.toPublicJWK()).toJSONObject(true)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode registered = GatewayHttp.json(response);
		assertThat(registered.get("authMethod").asString()).isEqualTo("private_key_jwt");
		assertThat(registered.has("clientSecret")).isFalse();
		return clientId;
	}

	private Map<String, Object> newClient(String clientId, @Nullable Map<String, Object> jwks) {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", clientId);
		client.put("departmentCode", this.identities.department());
		client.put("scopes", List.of("catalog.read"));
		client.put("authMethod", "private_key_jwt");
		if (jwks != null) {
			client.put("jwks", jwks);
		}
		return client;
	}

	private HttpResponse<String> postClient(Map<String, Object> client) {
		return this.gateway.postJson("/api/admin/clients", this.adminToken, GatewayHttp.toJson(client));
	}

	private HttpResponse<String> tokenRequest(String clientId, String assertion) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", clientId);
		form.put("scope", "catalog.read");
		form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form.put("client_assertion", assertion);
		return this.gateway.postForm("/oauth2/token", form, null, null);
	}

	private static String assertion(String clientId, ECKey key, String audience) {
		return assertion(clientId, key, audience, Duration.ofMinutes(2));
	}

	private static String assertion(String clientId, ECKey key, String audience, Duration lifetime) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId)
			.subject(clientId)
			.audience(audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new ECDSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
