package org.shutong.catalog.exchange.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.shutong.catalog.exchange.ExchangeProblem;
import org.shutong.platform.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Calls a provider system for the broker: only an allowed host, through its circuit
 * breaker and bulkhead, with a signed request, within the provider's timeout for the
 * whole answer, never following a redirect, reading at most the size limit, and accepting
 * only JSON rows (an array of objects, or an object whose {@code data} is one). Every way
 * a provider can fail becomes a 502, 503 or 504 problem.
 */
public class ProviderClient {

	private static final MediaType JSON_SUFFIX = MediaType.parseMediaType("application/*+json");

	private final HttpClient http;

	private final ProviderAllowlist allowlist;

	private final ProviderGuards guards;

	private final ProviderRequestSigner signer;

	private final JsonMapper json;

	private final long maxResponseBytes;

	ProviderClient(HttpClient http, ProviderAllowlist allowlist, ProviderGuards guards, ProviderRequestSigner signer,
			JsonMapper json, long maxResponseBytes) {
		this.http = http;
		this.allowlist = allowlist;
		this.guards = guards;
		this.signer = signer;
		this.json = json;
		this.maxResponseBytes = maxResponseBytes;
	}

	/**
	 * Calls the provider system of the call's endpoint.
	 * @param entry the allowlist entry of the endpoint's host as the broker read it with
	 * the query's other checks ({@link ProviderAllowlist#entry}); empty refuses the call
	 */
	public List<ObjectNode> fetch(ProviderCall call, Optional<ProviderSystem> entry) {
		ProviderSystem provider = this.allowlist.require(call.endpoint(), entry);
		return this.guards.call(provider, () -> exchange(call, provider.timeout()));
	}

	private List<ObjectNode> exchange(ProviderCall call, Duration timeout) {
		HttpRequest request = request(call, timeout);
		CompletableFuture<HttpResponse<byte[]>> pending = this.http.sendAsync(request,
				LimitedBodySubscriber.handler(this.maxResponseBytes));
		HttpResponse<byte[]> response;
		try {
			response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			pending.cancel(true);
			throw timeout(call, timeout);
		}
		catch (InterruptedException ex) {
			pending.cancel(true);
			Thread.currentThread().interrupt();
			throw new ProblemException(ExchangeProblem.PROVIDER_ERROR, "The query was interrupted.");
		}
		catch (ExecutionException ex) {
			throw failure(call, timeout, ex.getCause());
		}
		return rows(call, response);
	}

	private HttpRequest request(ProviderCall call, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.timeout(timeout)
			.header("Accept", MediaType.APPLICATION_JSON_VALUE)
			.header("X-Shutong-Receipt", call.receiptId());
		if ("GET".equals(call.method())) {
			String query = queryString(call.parameters());
			request.uri(withQuery(call.endpoint(), query)).GET();
			request.header("Authorization", "Bearer " + this.signer.sign(call, sha256(query)));
		}
		else {
			byte[] body = this.json.writeValueAsBytes(call.parameters());
			request.uri(call.endpoint())
				.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			request.header("Authorization", "Bearer " + this.signer.sign(call, sha256(body)));
		}
		return request.build();
	}

	private List<ObjectNode> rows(ProviderCall call, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		if (status >= 300 && status < 400) {
			throw new ProblemException(ExchangeProblem.PROVIDER_ERROR, "The provider system of " + call.resourceCode()
					+ " answered with a redirect (" + status + "), which the platform never follows.");
		}
		if (status != 200) {
			throw new ProblemException(ExchangeProblem.PROVIDER_ERROR,
					"The provider system of " + call.resourceCode() + " answered " + status + ".");
		}
		if (!isJson(response.headers().firstValue("Content-Type").orElse(""))) {
			throw malformed(call, "a content type other than JSON");
		}
		JsonNode answer;
		try {
			answer = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw malformed(call, "malformed JSON");
		}
		JsonNode rows = (answer != null && answer.isObject()) ? answer.get("data") : answer;
		if (rows == null || !rows.isArray()) {
			throw malformed(call, "JSON that is neither an array of rows nor an object with a data array");
		}
		List<ObjectNode> objects = new ArrayList<>(rows.size());
		for (JsonNode row : rows) {
			if (!(row instanceof ObjectNode object)) {
				throw malformed(call, "a row that is not a JSON object");
			}
			objects.add(object);
		}
		return objects;
	}

	private static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype()
					|| JSON_SUFFIX.includes(type);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static ProblemException failure(ProviderCall call, Duration timeout, Throwable cause) {
		if (cause instanceof LimitedBodySubscriber.TooLarge tooLarge) {
			return new ProblemException(ExchangeProblem.PROVIDER_TOO_LARGE,
					"The provider system of " + call.resourceCode() + " answered with more than the platform reads: "
							+ tooLarge.getMessage() + ".");
		}
		if (cause instanceof HttpTimeoutException) {
			return timeout(call, timeout);
		}
		String reason = (cause instanceof IOException) ? "cannot be reached" : "failed";
		return new ProblemException(ExchangeProblem.PROVIDER_ERROR,
				"The provider system of " + call.resourceCode() + " " + reason + ".");
	}

	private static ProblemException timeout(ProviderCall call, Duration timeout) {
		return new ProblemException(ExchangeProblem.PROVIDER_TIMEOUT, "The provider system of " + call.resourceCode()
				+ " did not answer within " + timeout.toMillis() + " ms.");
	}

	private static ProblemException malformed(ProviderCall call, String what) {
		return new ProblemException(ExchangeProblem.PROVIDER_MALFORMED,
				"The provider system of " + call.resourceCode() + " answered with " + what + ".");
	}

	private static String queryString(ObjectNode parameters) {
		StringJoiner query = new StringJoiner("&");
		for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
			JsonNode value = parameter.getValue();
			String text = value.isString() ? value.asString() : value.toString();
			query.add(encode(parameter.getKey()) + "=" + encode(text));
		}
		return query.toString();
	}

	private static URI withQuery(URI endpoint, String query) {
		if (query.isEmpty()) {
			return endpoint;
		}
		String separator = (endpoint.getRawQuery() == null) ? "?" : "&";
		return URI.create(endpoint + separator + query);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static byte[] sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
