package org.shutong.gateway.authorization;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.Browser;
import org.shutong.gateway.testing.CommandLineSignIn;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.IdentityNumbers;
import org.shutong.gateway.testing.Jwts;
import org.shutong.gateway.testing.Pkce;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in through the browser for the command-line client: authorization code
 * with PKCE (S256) and a loopback redirect (RFC 8252), step by step as a browser sees it.
 */
@GatewayTest
class AuthorizationCodeFlowTests extends GatewayHttpTest {

	@Autowired
	private HolderReferences holders;

	@Test
	void signsACitizenInAndIssuesTokensThatNameTheirRolesAndHolderReference() throws Exception {
		String idNumber = IdentityNumbers.residentIdNumber();
		Identities.Person citizen = this.identities.citizen(idNumber);
		Pkce pkce = Pkce.generate();
		Browser browser = browser();

		HttpResponse<String> authorize = browser.get(CommandLineSignIn
			.authorizeUri(CommandLineSignIn.authorizeParameters("openid catalog.read", "state-1", pkce)));
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(Browser.location(authorize).getPath()).isEqualTo("/login");

		HttpResponse<String> signIn = browser.signIn(citizen.username(), citizen.password());
		URI backToAuthorize = Browser.location(signIn);
		assertThat(backToAuthorize.getPath()).isEqualTo("/oauth2/authorize");

		HttpResponse<String> callback = browser.get(backToAuthorize.toString());
		assertThat(callback.statusCode()).isEqualTo(302);
		URI redirect = Browser.location(callback);
		assertThat(redirect.getScheme() + "://" + redirect.getAuthority() + redirect.getPath())
			.isEqualTo(CommandLineSignIn.REDIRECT_URI);
		Map<String, String> query = CommandLineSignIn.query(redirect);
		assertThat(query).containsEntry("state", "state-1").containsKey("code");

		HttpResponse<String> exchange = commandLine().exchange(query.get("code"), pkce);
		assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
		JsonNode tokens = GatewayHttp.json(exchange);
		assertThat(tokens.get("refresh_token").asString()).isNotBlank();
		JWTClaimsSet accessToken = Jwts.parse(tokens.get("access_token").asString()).getJWTClaimsSet();
		assertThat(accessToken.getSubject()).isEqualTo(citizen.username());
		assertThat(accessToken.getStringListClaim("roles")).containsExactly("CITIZEN");
		assertThat(accessToken.getStringClaim("holder")).matches("[0-9a-f]{64}")
			.isEqualTo(this.holders.of(new ResidentIdNumber(idNumber)));
		assertThat(accessToken.getStringClaim("client_id")).isEqualTo(CommandLineSignIn.CLIENT_ID);
		assertThat(accessToken.getAudience()).contains("gateway", "catalog-service");
		assertThat(accessToken.toString()).doesNotContain(idNumber);
		JWTClaimsSet idToken = Jwts.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
		assertThat(idToken.getSubject()).isEqualTo(citizen.username());
		assertThat(idToken.getAudience()).containsExactly(CommandLineSignIn.CLIENT_ID);
	}

	@Test
	void refusesACodeExchangedTwiceAndRevokesWhatItWasExchangedFor() {
		Pkce pkce = Pkce.generate();
		String code = commandLine().authorizationCode(this.identities.auditor(), "openid", pkce);
		HttpResponse<String> first = commandLine().exchange(code, pkce);
		assertThat(first.statusCode()).isEqualTo(200);
		String accessToken = GatewayHttp.json(first).get("access_token").asString();
		assertThat(this.gateway.get("/userinfo", accessToken).statusCode()).isEqualTo(200);

		HttpResponse<String> again = commandLine().exchange(code, pkce);

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(GatewayHttp.json(again).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(this.gateway.get("/userinfo", accessToken).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesACodeWithTheWrongVerifier() {
		String code = commandLine().authorizationCode(this.identities.auditor(), "openid", Pkce.generate());

		HttpResponse<String> exchange = commandLine().exchange(code, Pkce.generate());

		assertThat(exchange.statusCode()).isEqualTo(400);
		assertThat(GatewayHttp.json(exchange).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void sendsARequestWithoutCodeChallengeBackWithAnError() {
		Map<String, String> parameters = new LinkedHashMap<>(
				CommandLineSignIn.authorizeParameters("openid", "state-2", Pkce.generate()));
		parameters.remove("code_challenge");
		parameters.remove("code_challenge_method");

		HttpResponse<String> response = browser().get(CommandLineSignIn.authorizeUri(parameters));

		assertThat(response.statusCode()).isEqualTo(302);
		URI redirect = Browser.location(response);
		assertThat(redirect.getPath()).isEqualTo("/callback");
		assertThat(CommandLineSignIn.query(redirect)).containsEntry("error", "invalid_request")
			.containsEntry("state", "state-2")
			.doesNotContainKey("code");
	}

	@Test
	void refusesARedirectThatIsNotLoopbackWithoutRedirecting() {
		Map<String, String> parameters = new LinkedHashMap<>(
				CommandLineSignIn.authorizeParameters("openid", "state-3", Pkce.generate()));
		parameters.put("redirect_uri", "http://attacker.example/callback");

		HttpResponse<String> response = browser().get(CommandLineSignIn.authorizeUri(parameters));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void refusesASignInWithoutTheCsrfToken() {
		Identities.Person auditor = this.identities.auditor();
		Browser browser = browser();
		browser.signInFormToken();

		HttpResponse<String> response = browser.postForm("/login",
				Map.of("username", auditor.username(), "password", auditor.password()));

		assertThat(response.statusCode()).isEqualTo(403);
	}

}
