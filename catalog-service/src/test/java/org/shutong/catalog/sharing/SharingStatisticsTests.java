package org.shutong.catalog.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.catalog.resource.SharingType;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing statistics: applications by outcome and active grants per provider, consumer
 * and resource over a period; a department sees what it is party to, an auditor all.
 */
class SharingStatisticsTests extends SharingTest {

	@Test
	void countsApplicationsByOutcomeAndActiveGrantsInThePeriod() {
		String resource = resource(SharingType.CONDITIONAL, "name", "idNumber");
		Instant from = this.clock.instant();
		String approved = fileApplication(resource, List.of("name"));
		String rejected = fileApplication(resource, List.of("idNumber"));
		fileApplication(resource, List.of("name", "idNumber"));
		String revoked = fileApplication(resource, List.of("idNumber"));
		assertThat(post("/api/catalog/applications/" + approved + "/approve", provider(), Map.of())).hasStatusOk();
		assertThat(post("/api/catalog/applications/" + rejected + "/reject", provider(), Map.of("reason", "不符")))
			.hasStatusOk();
		String grant = read(post("/api/catalog/applications/" + revoked + "/approve", provider(), Map.of()),
				"$.grantId");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(post("/api/catalog/grants/" + grant + "/revoke", provider(), Map.of("reason", "撤销"))).hasStatusOk();
		this.clock.advance(Duration.ofMinutes(1));
		Instant to = this.clock.instant();

		Map<String, Object> expected = Map.of("provider", SharingFixtures.PROVIDER, "consumer",
				SharingFixtures.CONSUMER, "resource", resource, "filed", 4, "pending", 1, "approved", 2, "rejected", 1,
				"activeGrants", 2, "queries", 0, "answeredQueries", 0);
		String period = "/api/catalog/statistics?from=" + from + "&to=" + to;
		for (String token : List.of(consumer(), provider(), operator(SharingFixtures.PROVIDER),
				this.gateway.withRole(AUDIENCE, "AUDITOR"))) {
			assertThat(row(get(period, token), resource)).isEqualTo(List.of(expected));
		}
		// After the revocation only the other grant is active.
		MvcTestResult later = get("/api/catalog/statistics?from=" + to + "&to=" + to.plusSeconds(60), provider());
		assertThat(row(later, resource)).singleElement()
			.isEqualTo(Map.of("provider", SharingFixtures.PROVIDER, "consumer", SharingFixtures.CONSUMER, "resource",
					resource, "filed", 0, "pending", 0, "approved", 0, "rejected", 0, "activeGrants", 1, "queries", 0,
					"answeredQueries", 0));
		// Before any of it, nothing.
		assertThat(
				row(get("/api/catalog/statistics?from=" + from.minusSeconds(60) + "&to=" + from, provider()), resource))
			.isEmpty();
	}

	@Test
	void aDepartmentSeesOnlyWhatItIsPartyTo() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		Instant from = this.clock.instant();
		fileApplication(resource, List.of("name"));
		String period = "/api/catalog/statistics?from=" + from + "&to=" + from.plusSeconds(1);

		assertThat(row(get(period, system(SharingFixtures.OTHER, "catalog.read")), resource)).isEmpty();
		assertThat(row(get(period, this.gateway.withRole(AUDIENCE, "ADMIN")), resource)).hasSize(1);
		assertThat(row(get(period, consumer()), resource)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
			"from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
			"from=yesterday" })
	void refusesABadPeriod(String query) {
		assertInvalid(get("/api/catalog/statistics?" + query, consumer()), "from");
	}

	@Test
	void refusesACallerWithoutASharingScopeOrRole() {
		assertProblem(get("/api/catalog/statistics", this.gateway.withRole(AUDIENCE, "CITIZEN")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertProblem(get("/api/catalog/statistics", system(SharingFixtures.CONSUMER, "exchange.query")),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	private static List<Map<String, Object>> row(MvcTestResult result, String resource) {
		assertThat(result).hasStatusOk();
		return read(result, "$.rows[?(@.resource == '" + resource + "')]");
	}

}
