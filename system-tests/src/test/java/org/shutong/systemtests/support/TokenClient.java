package org.shutong.systemtests.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the gateway for access tokens the ways its clients do: a department system with
 * its secret or its private key, a person through the command-line client.
 */
public final class TokenClient {

	public static final String COMMAND_LINE_CLIENT = "shutong-cli";

	private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JsonMapper json = JsonMapper.builder().build();

	private final RunningPlatform platform;

	public TokenClient(RunningPlatform platform) {
		this.platform = platform;
	}

	/**
	 * {@code client_credentials}, the client authenticated by
	 * {@code client_secret_basic}.
	 */
	public String clientCredentials(String clientId, String secret, String scope) throws Exception {
		String credentials = encode(clientId) + ':' + encode(secret);
		HttpRequest request = tokenRequest(Map.of("grant_type", "client_credentials", "scope", scope))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.build();
		return accessToken(send(newClient(), request));
	}

	/**
	 * {@code client_credentials}, the client authenticated by {@code private_key_jwt}: an
	 * RFC 7523 assertion signed with its key.
	 */
	public String clientCredentials(String clientId, ECKey key, String scope) throws Exception {
		HttpRequest request = tokenRequest(Map.of("grant_type", "client_credentials", "scope", scope, "client_id",
				clientId, "client_assertion_type", ASSERTION_TYPE, "client_assertion", assertion(clientId, key)))
			.build();
		return accessToken(send(newClient(), request));
	}

	private String assertion(String clientId, ECKey key) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId)
			.subject(clientId)
			.audience(this.platform.issuer())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
			.build();
		SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
				claims);
		assertion.sign(new ECDSASigner(key));
		return assertion.serialize();
	}

	/**
	 * Signs a person in as the command-line client does: authorization code with PKCE
	 * (S256), the password given on the gateway's login form, the code sent to a loopback
	 * redirect that nobody needs to serve, since redirects are not followed.
	 */
	public String signIn(String username, String password, String scope) throws Exception {
		HttpClient browser = newClient();
		String verifier = randomToken();
		String state = randomToken();
		String redirectUri = "http://127.0.0.1:49152/callback";
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("response_type", "code");
		authorization.put("client_id", COMMAND_LINE_CLIENT);
		authorization.put("redirect_uri", redirectUri);
		authorization.put("scope", scope);
		authorization.put("state", state);
		authorization.put("code_challenge", challenge(verifier));
		authorization.put("code_challenge_method", "S256");
		URI authorize = this.platform.gatewayUri("/oauth2/authorize?" + form(authorization));

		URI login = redirect(send(browser, page(authorize).build()), 302);
		String loginPage = send(browser, page(login).build()).body();
		Matcher csrf = CSRF_FIELD.matcher(loginPage);
		if (!csrf.find()) {
			throw new AssertionError("no CSRF token on the login page:\n" + loginPage);
		}
		HttpRequest signIn = page(login).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))))
			.build();
		URI resumed = redirect(send(browser, signIn), 302);
		URI callback = redirect(send(browser, page(resumed).build()), 302);
		Map<String, String> answer = query(callback);
		if (!state.equals(answer.get("state")) || answer.get("code") == null) {
			throw new AssertionError("unexpected authorization response: " + callback);
		}
		HttpRequest exchange = tokenRequest(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
				"redirect_uri", redirectUri, "client_id", COMMAND_LINE_CLIENT, "code_verifier", verifier))
			.build();
		return accessToken(send(browser, exchange));
	}

	private HttpRequest.Builder tokenRequest(Map<String, String> parameters) {
		return HttpRequest.newBuilder(this.platform.gatewayUri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(parameters)));
	}

	private static HttpRequest.Builder page(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html");
	}

	private String accessToken(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new AssertionError("token request answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode body = this.json.readTree(response.body());
		return body.get("access_token").asString();
	}

	private URI redirect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status || response.headers().firstValue("Location").isEmpty()) {
			throw new AssertionError("expected a " + status + " redirect from " + response.uri() + ", got "
					+ response.statusCode() + ": " + response.body());
		}
		return response.uri().resolve(response.headers().firstValue("Location").get());
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request)
			throws IOException, InterruptedException {
		return client.send(request, BodyHandlers.ofString());
	}

	/** A client of its own for each flow: its own cookies, no redirects followed. */
	private static HttpClient newClient() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + '=' + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
		}
		return parameters;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String randomToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) throws NoSuchAlgorithmException {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

}
