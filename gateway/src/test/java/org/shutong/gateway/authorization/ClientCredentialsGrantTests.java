package org.shutong.gateway.authorization;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.Jwts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department system gets an access token with its client secret (client_credentials,
 * client_secret_basic).
 */
@GatewayTest
class ClientCredentialsGrantTests extends GatewayHttpTest {

	@Test
	void issuesAShortLivedEs256TokenForTheSystemItsDepartmentAndTheScopesServices() throws Exception {
		Identities.Client system = this.identities.system("catalog.read", "catalog.write");

		HttpResponse<String> response = this.gateway.clientCredentials(system.clientId(), system.secret(),
				"catalog.read");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = GatewayHttp.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.has("refresh_token")).isFalse();
		SignedJWT token = Jwts.parse(body.get("access_token").asString());
		assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(publishedKeyIds()).contains(token.getHeader().getKeyID());
		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8080");
		assertThat(claims.getSubject()).isEqualTo(system.clientId());
		assertThat(claims.getStringClaim("client_id")).isEqualTo(system.clientId());
		assertThat(claims.getStringClaim("dept")).isEqualTo(system.departmentCode());
		assertThat(scopes(claims)).containsExactly("catalog.read");
		assertThat(claims.getAudience()).contains("gateway", "catalog-service")
			.doesNotContain("certificate-service", "audit-service");
		Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
		assertThat(lifetime).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(900));
	}

	@Test
	void publishesOnlyPublicKeys() {
		JsonNode keys = this.gateway.jwks().get("keys");

		assertThat(keys).isNotEmpty();
		keys.forEach((key) -> {
			assertThat(key.get("kty").asString()).isEqualTo("EC");
			assertThat(key.has("d")).as("private part of %s", key).isFalse();
		});
	}

	@Test
	void refusesAWrongSecret() {
		Identities.Client system = this.identities.system("catalog.read");

		HttpResponse<String> response = this.gateway.clientCredentials(system.clientId(), system.secret() + "x",
				"catalog.read");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnUnknownClient() {
		HttpResponse<String> response = this.gateway.clientCredentials("no-such-system", "secret", "catalog.read");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void refusesAScopeTheClientWasNotGiven() {
		Identities.Client system = this.identities.system("catalog.read");

		HttpResponse<String> response = this.gateway.clientCredentials(system.clientId(), system.secret(),
				"catalog.write");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(GatewayHttp.json(response).get("error").asString()).isEqualTo("invalid_scope");
	}

	private List<String> publishedKeyIds() {
		List<String> keyIds = new ArrayList<>();
		this.gateway.jwks().get("keys").forEach((key) -> keyIds.add(key.get("kid").asString()));
		return keyIds;
	}

	private static List<String> scopes(JWTClaimsSet claims) throws Exception {
		Object scope = claims.getClaim("scope");
		return (scope instanceof String text) ? List.of(text.split(" ")) : claims.getStringListClaim("scope");
	}

}
