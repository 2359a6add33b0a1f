package org.shutong.systemtests.limits;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway refuses before a service sees it: bodies over the size limit, and
 * requests past a caller's rate limit.
 * <p>
 * The rate limit is tested on the one gateway of the run, started with a budget of
 * {@value RunningPlatform#RATE_LIMIT} requests per second per caller: no other test sends
 * that many in a second as one caller, and a burst of five times as many from one client
 * crosses it whatever the machine's speed. A second gateway with a lower limit would cost
 * another JVM start, and could not share the first one's database.
 */
@SystemTest
class GatewayLimitsSystemTests {

	private static final int TWO_MEGABYTES = 2 * 1024 * 1024;

	private static final String PATH = "/api/catalog/resources";

	private final RunningPlatform platform;

	private final Http http = new Http();

	GatewayLimitsSystemTests(RunningPlatform platform) {
		this.platform = platform;
	}

	@Test
	void aBodyDeclaredOverTheLimitIsRefusedAtTheGateway() throws Exception {
		String requestId = "e2e-" + UUID.randomUUID();
		HttpResponse<String> response = post(BodyPublishers.ofByteArray(twoMegabytes()), requestId);
		assertTooLarge(response);
		assertThat(this.platform.gateway().awaitRequestLogged(requestId).status()).isEqualTo(413);
		this.platform.catalog().awaitLogCaughtUp();
		assertThat(this.platform.catalog().hasLoggedRequest(requestId)).as("routed to the catalogue").isFalse();
	}

	/**
	 * Without a length the gateway cannot know the size in advance: it starts routing and
	 * stops when the body it streams on crosses the limit.
	 */
	@Test
	void aStreamedBodyOverTheLimitIsRefusedWhenItCrossesIt() throws Exception {
		byte[] body = twoMegabytes();
		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
		String requestId = "e2e-" + UUID.randomUUID();
		assertTooLarge(post(chunked, requestId));
		assertThat(this.platform.gateway().awaitRequestLogged(requestId).status()).isEqualTo(413);
	}

	@Test
	void pastTheRateLimitTheGatewayAnswers429WithRetryAfter() throws Exception {
		// A caller of its own, so that no other test's requests count against it.
		DemoCredentials.Client system = this.platform.demo().client("market-regulation-system");
		String token = new TokenClient(this.platform).clientCredentials(system.clientId(), system.clientSecret(),
				"catalog.read");
		int burst = RunningPlatform.RATE_LIMIT * 5;
		List<String> requestIds = new ArrayList<>();
		List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < burst; i++) {
			String requestId = "e2e-burst-" + UUID.randomUUID();
			requestIds.add(requestId);
			HttpRequest request = this.http.request(this.platform.gatewayUri(PATH), token)
				.header("X-Request-Id", requestId)
				.build();
			sent.add(this.http.client().sendAsync(request, BodyHandlers.ofString()));
		}
		List<HttpResponse<String>> responses = sent.stream().map(CompletableFuture::join).toList();
		double seconds = (System.nanoTime() - start) / 1e9;

		List<HttpResponse<String>> passed = responses.stream().filter((r) -> r.statusCode() == 200).toList();
		List<HttpResponse<String>> limited = responses.stream().filter((r) -> r.statusCode() == 429).toList();
		assertThat(passed.size() + limited.size()).as("only 200 and 429").isEqualTo(burst);
		assertThat(limited).isNotEmpty();
		// The bucket holds RATE_LIMIT at first and refills RATE_LIMIT a second.
		assertThat(passed.size()).isPositive()
			.isLessThanOrEqualTo((int) Math.ceil(RunningPlatform.RATE_LIMIT * (1 + seconds)));
		for (HttpResponse<String> response : limited) {
			JsonNode problem = this.http.problem(response, 429, "TOO_MANY_REQUESTS");
			assertThat(problem.get("detail").asString()).startsWith("Too many requests from this client.");
			assertThat(response.headers().firstValue("Retry-After"))
				.hasValueSatisfying((retryAfter) -> assertThat(Integer.parseInt(retryAfter)).isPositive());
		}
		this.platform.catalog().awaitLogCaughtUp();
		for (HttpResponse<String> response : passed) {
			String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(this.platform.catalog().hasLoggedRequest(requestId)).as("%s reached the service", requestId)
				.isTrue();
		}
		for (HttpResponse<String> response : limited) {
			String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(requestIds).contains(requestId);
			assertThat(this.platform.catalog().hasLoggedRequest(requestId)).as("%s reached the service", requestId)
				.isFalse();
		}
	}

	private HttpResponse<String> post(BodyPublisher body, String requestId) throws Exception {
		// Expect: 100-continue, so that the client reads the refusal rather than a
		// connection closed while it was still sending.
		return this.http.send(HttpRequest.newBuilder(this.platform.gatewayUri(PATH))
			.header("Content-Type", "application/json")
			.header("X-Request-Id", requestId)
			.expectContinue(true)
			.POST(body)
			.build());
	}

	private void assertTooLarge(HttpResponse<String> response) {
		JsonNode problem = this.http.problem(response, 413, "PAYLOAD_TOO_LARGE");
		assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 1048576 bytes.");
	}

	private static byte[] twoMegabytes() {
		byte[] body = new byte[TWO_MEGABYTES];
		Arrays.fill(body, (byte) 'a');
		return body;
	}

}
