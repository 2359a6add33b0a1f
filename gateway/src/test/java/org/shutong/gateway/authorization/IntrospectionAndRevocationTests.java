package org.shutong.gateway.authorization;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token introspection (RFC 7662) and revocation (RFC 7009) for department systems, and
 * OpenID Connect's userinfo for people.
 */
@GatewayTest
class IntrospectionAndRevocationTests extends GatewayHttpTest {

	@Test
	void introspectsALiveTokenAsActiveAndARevokedOneAsInactive() {
		Identities.Client system = this.identities.system("catalog.read");
		String token = this.gateway.accessToken(system, "catalog.read");

		JsonNode live = introspect(system, token);
		assertThat(live.get("active").asBoolean()).isTrue();
		assertThat(live.get("client_id").asString()).isEqualTo(system.clientId());
		assertThat(live.get("scope").asString()).isEqualTo("catalog.read");

		HttpResponse<String> revoke = this.gateway.postForm("/oauth2/revoke", Map.of("token", token), system.clientId(),
				system.secret());
		assertThat(revoke.statusCode()).isEqualTo(200);

		assertThat(introspect(system, token).get("active").asBoolean()).isFalse();
	}

	@Test
	void introspectsOnlyForAnAuthenticatedClient() {
		Identities.Client system = this.identities.system("catalog.read");
		String token = this.gateway.accessToken(system, "catalog.read");

		HttpResponse<String> response = this.gateway.postForm("/oauth2/introspect", Map.of("token", token),
				system.clientId(), "not-the-secret");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void answersUserinfoWithThePersonSignedIn() {
		Identities.Person auditor = this.identities.auditor();
		String token = commandLine().tokens(auditor, "openid").get("access_token").asString();

		HttpResponse<String> userinfo = this.gateway.get("/userinfo", token);

		assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
		assertThat(GatewayHttp.json(userinfo).get("sub").asString()).isEqualTo(auditor.username());
	}

	@Test
	void refusesUserinfoToASystemTokenWithoutOpenidScope() {
		Identities.Client system = this.identities.system("catalog.read");

		HttpResponse<String> userinfo = this.gateway.get("/userinfo", this.gateway.accessToken(system, "catalog.read"));

		assertThat(userinfo.statusCode()).isEqualTo(403);
	}

	private JsonNode introspect(Identities.Client client, String token) {
		HttpResponse<String> response = this.gateway.postForm("/oauth2/introspect", Map.of("token", token),
				client.clientId(), client.secret());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return GatewayHttp.json(response);
	}

}
