package org.shutong.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speaks HTTP to a running gateway the way an API client does: no cookies, no redirects
 * followed.
 */
public final class GatewayHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String baseUrl;

	public GatewayHttp(int port) {
		this(port,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.followRedirects(HttpClient.Redirect.NEVER)
					.build());
	}

	GatewayHttp(int port, HttpClient http) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.http = http;
	}

	private String url(String path) {
		return path.startsWith("http") ? path : this.baseUrl + path;
	}

	public HttpResponse<String> get(String path, @Nullable String bearerToken) {
		return send(request(path, bearerToken).GET().build());
	}

	public HttpResponse<String> postJson(String path, @Nullable String bearerToken, String json) {
		return send(request(path, bearerToken).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * A form post, with HTTP Basic client credentials when {@code clientId} is given.
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> form, @Nullable String clientId,
			@Nullable String clientSecret) {
		HttpRequest.Builder request = request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(formBody(form)));
		if (clientId != null) {
			String credentials = encode(clientId) + ':' + encode((clientSecret != null) ? clientSecret : "");
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return send(request.build());
	}

	public HttpResponse<String> clientCredentials(String clientId, String clientSecret, String scope) {
		return postForm("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", scope), clientId,
				clientSecret);
	}

	public String accessToken(Identities.Client client, String scope) {
		HttpResponse<String> response = clientCredentials(client.clientId(), client.secret(), scope);
		assertThat(response.statusCode()).as("token for %s: %s", client.clientId(), response.body()).isEqualTo(200);
		return json(response).get("access_token").asString();
	}

	/** The gateway's JWK Set, as published. */
	public JsonNode jwks() {
		HttpResponse<String> response = get("/oauth2/jwks", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response);
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String path, @Nullable String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return request;
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	public static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * Checks that a response is an RFC 9457 problem of the platform with the given status
	 * and code, and returns its body.
	 */
	public static JsonNode problem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("type").asString())
			.isEqualTo("urn:shutong:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
		assertThat(problem.get("requestId").asString()).isNotBlank();
		return problem;
	}

	static String formBody(Map<String, String> form) {
		return new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + '=' + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
