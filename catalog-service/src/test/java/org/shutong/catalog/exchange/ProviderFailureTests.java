package org.shutong.catalog.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.shutong.catalog.exchange.provider.ProviderSettings;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a provider system can fail costs the consumer a quick 502, 503 or 504 problem
 * that names the receipt, and is audited as a failure; a slow provider never holds more
 * than its own share of calls. (The circuit breaker opens only after 100 calls here; see
 * {@link ProviderCircuitTests}.)
 */
class ProviderFailureTests extends ExchangeTest {

	@Test
	void anErrorStatusIsABadGateway() {
		assertFails(aResponse().withStatus(500).withBody("boom"), HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR");
		assertFails(aResponse().withStatus(404), HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR");
	}

	@Test
	void aDroppedConnectionIsABadGateway() {
		assertFails(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR");
	}

	@Test
	void malformedJsonOrAnotherContentTypeIsABadGateway() {
		assertFails(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"name\": "),
				HttpStatus.BAD_GATEWAY, "PROVIDER_MALFORMED");
		assertFails(aResponse().withHeader("Content-Type", "text/html").withBody("<html>[]</html>"),
				HttpStatus.BAD_GATEWAY, "PROVIDER_MALFORMED");
		assertFails(okJson("{\"rows\": []}"), HttpStatus.BAD_GATEWAY, "PROVIDER_MALFORMED");
		assertFails(okJson("[1, 2]"), HttpStatus.BAD_GATEWAY, "PROVIDER_MALFORMED");
	}

	@Test
	void aResponseOverTheSizeLimitIsABadGatewayWhetherDeclaredOrStreamed() {
		String huge = "[" + "{\"address\": \"%s\"},".formatted("x".repeat(1000)).repeat(100) + "{}]";
		assertFails(okJson(huge), HttpStatus.BAD_GATEWAY, "PROVIDER_TOO_LARGE");
		assertFails(okJson(huge).withChunkedDribbleDelay(10, 50), HttpStatus.BAD_GATEWAY, "PROVIDER_TOO_LARGE");
	}

	@Test
	void aSlowProviderIsAGatewayTimeoutAtItsOwnTimeout() {
		this.allowlist.allow(admin(), "127.0.0.1", new ProviderSettings("市公安局人口库", 300, 4));
		long start = System.nanoTime();
		assertFails(okJson("[]").withFixedDelay(3_000), HttpStatus.GATEWAY_TIMEOUT, "PROVIDER_TIMEOUT");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
	}

	@Test
	void aRedirectIsNeverFollowed() {
		String target = "/redirect-target-" + System.nanoTime();
		providerSystem.stubFor(post(target).willReturn(okJson("[{\"address\": \"甲\"}]")));
		assertFails(
				aResponse().withStatus(307)
					.withHeader("Location", "http://127.0.0.1:" + providerSystem.port() + target),
				HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR");
		providerSystem.verify(0, postRequestedFor(urlEqualTo(target)));
	}

	@Test
	void aProviderNotOnTheAllowlistIsNeverCalled() {
		String resource = resource(1, "/not-allowed");
		grant(resource, false, "address");
		this.allowlist.remove(admin(), "127.0.0.1");

		MvcTestResult answer = ask(resource, query());

		assertProblem(answer, HttpStatus.BAD_GATEWAY, "PROVIDER_NOT_ALLOWED");
		providerSystem.verify(0, postRequestedFor(urlEqualTo("/not-allowed")));
		assertThat(onlyQueryEvent(resource).outcome()).isEqualTo(AuditOutcome.FAILED);
	}

	@Test
	void aSlowProviderHoldsOnlyItsOwnCallsWhileOthersAreAnswered() throws Exception {
		this.allowlist.allow(admin(), "localhost", new ProviderSettings("婚姻登记系统", 5_000, 2));
		String slow = resourceAt(1, "http://localhost:" + providerSystem.port() + "/slow", "POST");
		grant(slow, false, "address");
		providerSystem.stubFor(post("/slow").willReturn(okJson("[]").withFixedDelay(1_500)));
		String fast = resource(1, "/fast");
		grant(fast, false, "address");
		providerSystem.stubFor(post("/fast").willReturn(okJson("[]")));

		List<CompletableFuture<MvcTestResult>> inFlight = new ArrayList<>();
		CountDownLatch started = new CountDownLatch(2);
		for (int i = 0; i < 2; i++) {
			inFlight.add(CompletableFuture.supplyAsync(() -> {
				started.countDown();
				return ask(slow, query());
			}));
		}
		started.await(5, TimeUnit.SECONDS);
		Thread.sleep(500);

		long start = System.nanoTime();
		assertProblem(ask(slow, query()), HttpStatus.SERVICE_UNAVAILABLE, "PROVIDER_UNAVAILABLE");
		assertThat(ask(fast, query())).hasStatusOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		for (CompletableFuture<MvcTestResult> call : inFlight) {
			assertThat(call.get(10, TimeUnit.SECONDS)).hasStatusOk();
		}
	}

	/**
	 * A resource on the allowed provider answering as given fails with this problem,
	 * audited.
	 */
	private void assertFails(ResponseDefinitionBuilder response, HttpStatus status, String code) {
		String path = "/failing-" + System.nanoTime();
		String resource = resource(1, path);
		grant(resource, false, "address");
		providerSystem.stubFor(post(path).willReturn(response));

		MvcTestResult answer = ask(resource, query());

		assertProblem(answer, status, code);
		String receiptId = read(answer, "$.receiptId");
		AuditEvent event = onlyQueryEvent(resource);
		assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
		assertThat(event.details()).containsEntry("receiptId", receiptId)
			.containsEntry("problem", code)
			.containsEntry("rowCount", 0);
		assertThat(fetch("/api/exchange/receipts/" + receiptId, consumerToken())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.problem")
			.isEqualTo(code);
	}

}
