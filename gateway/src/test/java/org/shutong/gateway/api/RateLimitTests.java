package org.shutong.gateway.api;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTestWithTightLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each caller has its own request budget (here 3 a minute): past it, 429 with
 * {@code Retry-After}; other callers are unaffected.
 */
@GatewayTestWithTightLimits
class RateLimitTests extends GatewayHttpTest {

	@Test
	void answersTooManyRequestsPastTheBudgetOfOneCallerOnly() {
		String greedy = this.gateway.accessToken(this.identities.system("catalog.read"), "catalog.read");
		String other = this.gateway.accessToken(this.identities.system("catalog.read"), "catalog.read");
		for (int request = 1; request <= GatewayTestWithTightLimits.RATE_LIMIT; request++) {
			assertThat(departments(greedy).statusCode()).as("request %d", request).isEqualTo(200);
		}

		HttpResponse<String> refused = departments(greedy);

		GatewayHttp.problem(refused, 429, "TOO_MANY_REQUESTS");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(departments(other).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> departments(String token) {
		return this.gateway.get("/api/departments", token);
	}

}
