package org.shutong.gateway.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command-line client {@code shutong-cli} does to sign a person in: the
 * authorization-code flow with PKCE through the person's browser, to a loopback redirect.
 */
public final class CommandLineSignIn {

	public static final String CLIENT_ID = "shutong-cli";

	/** Any free port on the person's machine; the registered redirect has none. */
	public static final String REDIRECT_URI = "http://127.0.0.1:43117/callback";

	private final int port;

	private final GatewayHttp http;

	public CommandLineSignIn(int port) {
		this.port = port;
		this.http = new GatewayHttp(port);
	}

	public static String authorizeUri(Map<String, String> parameters) {
		return "/oauth2/authorize?" + GatewayHttp.formBody(parameters);
	}

	public static Map<String, String> authorizeParameters(String scope, String state, Pkce pkce) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", CLIENT_ID);
		parameters.put("redirect_uri", REDIRECT_URI);
		parameters.put("scope", scope);
		parameters.put("state", state);
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		return parameters;
	}

	/**
	 * Signs the person in and returns the authorization code the loopback redirect
	 * receives.
	 */
	public String authorizationCode(Identities.Person person, String scope, Pkce pkce) {
		Browser browser = new Browser(this.port);
		String state = UUID.randomUUID().toString();
		String authorize = authorizeUri(authorizeParameters(scope, state, pkce));
		assertThat(Browser.location(browser.get(authorize)).getPath()).isEqualTo("/login");
		HttpResponse<String> signIn = browser.signIn(person.username(), person.password());
		assertThat(Browser.signedIn(signIn)).as("signed in as %s", person.username()).isTrue();
		URI callback = Browser.location(browser.get(Browser.location(signIn).toString()));
		Map<String, String> query = query(callback);
		assertThat(query).containsEntry("state", state);
		return query.get("code");
	}

	public HttpResponse<String> exchange(String code, Pkce pkce) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		form.put("client_id", CLIENT_ID);
		form.put("code_verifier", pkce.verifier());
		return this.http.postForm("/oauth2/token", form, null, null);
	}

	public HttpResponse<String> refresh(String refreshToken) {
		return this.http.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID), null,
				null);
	}

	/** Signs in and exchanges the code: the token response. */
	public JsonNode tokens(Identities.Person person, String scope) {
		Pkce pkce = Pkce.generate();
		HttpResponse<String> response = exchange(authorizationCode(person, scope, pkce), pkce);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return GatewayHttp.json(response);
	}

	public static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				query.put(decode((equals < 0) ? pair : pair.substring(0, equals)),
						(equals < 0) ? "" : decode(pair.substring(equals + 1)));
			}
		}
		return query;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
