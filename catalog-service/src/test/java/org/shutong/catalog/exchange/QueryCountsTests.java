package org.shutong.catalog.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipts feed the catalogue: the resource's query success rate (answered of those
 * the provider was asked) and the sharing statistics' query counts per provider, consumer
 * and resource.
 */
class QueryCountsTests extends ExchangeTest {

	@Test
	void countsAnsweredFailedAndRefusedQueries() {
		Instant from = this.clock.instant();
		String resource = resource(1, "/counted");
		grant(resource, false, "address");
		providerSystem.stubFor(post("/counted").willReturn(okJson("[{\"address\": \"甲\"}]")));
		for (int i = 0; i < 3; i++) {
			assertThat(ask(resource, query())).hasStatusOk();
		}
		assertProblem(ask(resource, query(Map.of("unknown", 1))), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		providerSystem.stubFor(post("/counted").willReturn(aResponse().withStatus(500)));
		assertProblem(ask(resource, query()), HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR");
		this.clock.advance(Duration.ofMinutes(1));

		MvcTestResult quality = fetch("/api/catalog/resources/" + resource + "/quality", consumerToken());
		assertThat(quality).hasStatusOk()
			.bodyJson()
			.extractingPath("$.querySuccessRate")
			.isEqualTo(Map.of("value", 0.75, "answered", 3, "asked", 4, "days", 30));

		MvcTestResult statistics = fetch("/api/catalog/statistics?from=" + from + "&to=" + this.clock.instant(),
				consumerToken());
		List<Map<String, Object>> rows = read(statistics, "$.rows[?(@.resource == '" + resource + "')]");
		assertThat(rows).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("provider", PROVIDER)
				.containsEntry("consumer", CONSUMER)
				.containsEntry("activeGrants", 1)
				.containsEntry("queries", 5)
				.containsEntry("answeredQueries", 3));
	}

}
