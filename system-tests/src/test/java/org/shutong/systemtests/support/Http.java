package org.shutong.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP as the platform's callers speak it: bearer tokens in, JSON and RFC 9457 problems
 * out.
 */
public final class Http {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	public HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
		return send(request(uri, token).build());
	}

	/** A GET, with the bearer token if there is one. */
	public HttpRequest.Builder request(URI uri, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, BodyHandlers.ofString());
	}

	public HttpClient client() {
		return this.client;
	}

	/** Asserts a JSON 200 and returns its body. */
	public JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return this.json.readTree(response.body());
	}

	/** Asserts an RFC 9457 problem with this status and code and returns its body. */
	public JsonNode problem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), response.body())
			.isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("instance").asString()).isEqualTo(response.uri().getPath());
		assertThat(problem.get("requestId").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		return problem;
	}

	public JsonNode json(String body) {
		return this.json.readTree(body);
	}

	public String json(Object value) {
		return this.json.writeValueAsString(value);
	}

}
