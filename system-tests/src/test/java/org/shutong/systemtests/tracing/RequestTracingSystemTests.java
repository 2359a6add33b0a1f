package org.shutong.systemtests.tracing;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RequestLogLine;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request can be followed from the gateway into the service that answered it: the same
 * request id and W3C trace id in both processes' logs.
 */
@SystemTest
class RequestTracingSystemTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RunningPlatform platform;

	private final Http http = new Http();

	private String token;

	RequestTracingSystemTests(RunningPlatform platform) {
		this.platform = platform;
	}

	@BeforeEach
	void token() throws Exception {
		DemoCredentials.Client system = this.platform.demo().client("public-security-system");
		this.token = new TokenClient(this.platform).clientCredentials(system.clientId(), system.clientSecret(),
				"catalog.read certificate.read");
	}

	@Test
	void theCallersRequestIdAndTraceReachTheServiceLog() throws Exception {
		String requestId = "e2e-" + UUID.randomUUID();
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		HttpResponse<String> response = this.http
			.send(this.http.request(this.platform.gatewayUri("/api/catalog/resources"), this.token)
				.header("X-Request-Id", requestId)
				.header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
				.build());
		this.http.ok(response);
		assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);

		RequestLogLine atTheService = this.platform.catalog().awaitRequestLogged(requestId);
		assertThat(atTheService.traceId()).isEqualTo(traceId);
		assertThat(atTheService.method() + " " + atTheService.path() + " " + atTheService.status())
			.isEqualTo("GET /api/catalog/resources 200");
		assertThat(this.platform.gateway().awaitRequestLogged(requestId).traceId()).isEqualTo(traceId);
	}

	@Test
	void theIdTheGatewayGivesARequestReachesTheServiceLog() throws Exception {
		HttpResponse<String> response = this.http.get(this.platform.gatewayUri("/api/certificates/types"), this.token);
		this.http.ok(response);
		assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

		RequestLogLine atTheService = this.platform.certificate().awaitRequestLogged(requestId);
		RequestLogLine atTheGateway = this.platform.gateway().awaitRequestLogged(requestId);
		assertThat(atTheService.path()).isEqualTo("/api/certificates/types");
		assertThat(atTheService.traceId()).hasSize(32).isEqualTo(atTheGateway.traceId());
		assertThat(atTheService.spanId()).isNotEqualTo(atTheGateway.spanId());
	}

	@Test
	void aMalformedRequestIdIsReplacedAllTheWayThrough() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request(this.platform.gatewayUri("/api/catalog/resources"), this.token)
				.header("X-Request-Id", "<script>")
				.build());
		this.http.ok(response);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).isNotEqualTo("<script>");
		assertThat(this.platform.catalog().awaitRequestLogged(requestId).status()).isEqualTo(200);
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
