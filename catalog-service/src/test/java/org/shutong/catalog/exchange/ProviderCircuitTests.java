package org.shutong.catalog.exchange;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.exchange.provider.ProviderSettings;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that keeps failing is left alone for a while (its circuit opens: a quick 503
 * without calling it), then tried again and, once it answers, called as before; the
 * circuit is per provider system, so others are answered meanwhile.
 */
@TestPropertySource(
		properties = { "shutong.exchange.circuit-breaker.window=4", "shutong.exchange.circuit-breaker.minimum-calls=4",
				"shutong.exchange.circuit-breaker.open-for=1s", "shutong.exchange.circuit-breaker.half-open-calls=1" })
class ProviderCircuitTests extends ExchangeTest {

	@Test
	void opensTheCircuitAfterFailuresAndClosesItWhenTheProviderRecovers() throws Exception {
		// The circuit is per provider host: this test's provider is "localhost".
		this.allowlist.allow(admin(), "localhost", new ProviderSettings("婚姻登记系统", 5_000, 4));
		String resource = resourceAt(1, "http://localhost:" + providerSystem.port() + "/flaky", "POST");
		grant(resource, false, "address");
		providerSystem.stubFor(post("/flaky").willReturn(aResponse().withStatus(503)));

		for (int i = 0; i < 4; i++) {
			assertProblem(ask(resource, query()), HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR");
		}
		int calls = providerSystem.findAll(postRequestedFor(urlEqualTo("/flaky"))).size();
		assertProblem(ask(resource, query()), HttpStatus.SERVICE_UNAVAILABLE, "PROVIDER_UNAVAILABLE");
		assertThat(providerSystem.findAll(postRequestedFor(urlEqualTo("/flaky")))).hasSize(calls);

		// Other providers are not affected meanwhile.
		String other = resource(1, "/healthy");
		grant(other, false, "address");
		providerSystem.stubFor(post("/healthy").willReturn(okJson("[]")));
		assertThat(ask(other, query())).hasStatusOk();

		providerSystem.stubFor(post("/flaky").willReturn(okJson("[{\"address\": \"甲\"}]")));
		Thread.sleep(1_200);
		assertThat(ask(resource, query())).hasStatusOk().bodyJson().extractingPath("$.data[0].address").isEqualTo("甲");
		assertThat(ask(resource, query())).hasStatusOk();

		List<AuditEvent> events = queryEvents(resource);
		assertThat(events).extracting(AuditEvent::outcome)
			.containsExactly(AuditOutcome.FAILED, AuditOutcome.FAILED, AuditOutcome.FAILED, AuditOutcome.FAILED,
					AuditOutcome.FAILED, AuditOutcome.SUCCESS, AuditOutcome.SUCCESS);
		assertThat(events.get(4).details()).containsEntry("problem", "PROVIDER_UNAVAILABLE");
	}

}
