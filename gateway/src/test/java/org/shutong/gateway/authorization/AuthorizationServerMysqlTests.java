package org.shutong.gateway.authorization;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.CommandLineSignIn;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server's JDBC stores on the MySQL-compatible server on
 * 127.0.0.1:3306: clients, authorizations found by each of their tokens through the hash
 * columns, and refresh-token reuse revoking the family. Same context as
 * {@code GatewayMysqlTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class AuthorizationServerMysqlTests extends GatewayHttpTest {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	@Autowired
	private IndexedAuthorizationService authorizations;

	@Test
	void issuesAndIntrospectsAClientCredentialsToken() {
		Identities.Client system = this.identities.system("catalog.read");
		String token = this.gateway.accessToken(system, "catalog.read");

		HttpResponse<String> introspection = this.gateway.postForm("/oauth2/introspect", Map.of("token", token),
				system.clientId(), system.secret());

		assertThat(introspection.statusCode()).isEqualTo(200);
		assertThat(GatewayHttp.json(introspection).get("active").asBoolean()).isTrue();
		OAuth2Authorization authorization = this.authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		assertThat(authorization).isNotNull();
		assertThat(authorization.getPrincipalName()).isEqualTo(system.clientId());
		assertThat(this.gateway.get("/api/departments", token).statusCode()).isEqualTo(200);
	}

	@Test
	void findsAPersonsAuthorizationByEachOfItsTokensAndRevokesItOnRefreshTokenReuse() {
		CommandLineSignIn commandLine = commandLine();
		JsonNode tokens = commandLine.tokens(this.identities.auditor(), "openid catalog.read");
		String accessToken = tokens.get("access_token").asString();
		String refreshToken = tokens.get("refresh_token").asString();
		String idToken = tokens.get("id_token").asString();

		OAuth2Authorization byAccessToken = this.authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);
		assertThat(byAccessToken).isNotNull();
		assertThat(this.authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN))
			.extracting(OAuth2Authorization::getId)
			.isEqualTo(byAccessToken.getId());
		assertThat(this.authorizations.findByToken(idToken, ID_TOKEN)).extracting(OAuth2Authorization::getId)
			.isEqualTo(byAccessToken.getId());
		assertThat(this.authorizations.findByToken(refreshToken, null)).extracting(OAuth2Authorization::getId)
			.isEqualTo(byAccessToken.getId());

		HttpResponse<String> refreshed = commandLine.refresh(refreshToken);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		String rotated = GatewayHttp.json(refreshed).get("refresh_token").asString();
		assertThat(this.authorizations.findByToken(rotated, OAuth2TokenType.REFRESH_TOKEN)).isNotNull();

		assertThat(commandLine.refresh(refreshToken).statusCode()).isEqualTo(400);
		assertThat(this.authorizations.findById(byAccessToken.getId())).isNull();
		assertThat(commandLine.refresh(rotated).statusCode()).isEqualTo(400);
	}

}
