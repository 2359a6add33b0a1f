package org.shutong.platform.audit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The audit service and the gateway's token endpoint as a service sees them, on one
 * WireMock server: {@code POST /oauth2/token} issues a token, {@code POST
 * /api/audit/events} acknowledges every event it is sent, as the audit service does once
 * it has committed them. One stand-in serves the test JVM.
 */
final class AuditLogStandIn {

	static final String CLIENT_ID = "catalog-service";

	/** The service's client secret as configured: base64 of 32 bytes. */
	static final String CLIENT_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

	/** The same secret as sent on the wire: unpadded base64url. */
	static final String WIRE_SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

	static final String TOKEN = "audit-write-token";

	private static final AuditLogStandIn SHARED = new AuditLogStandIn();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WireMockServer server;

	private AuditLogStandIn() {
		this.server = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").extensions(new Acknowledging()));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop));
		reset();
	}

	static AuditLogStandIn shared() {
		return SHARED;
	}

	WireMockServer server() {
		return this.server;
	}

	/** Forgets every request and answers normally again. */
	void reset() {
		this.server.resetAll();
		this.server.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":600,"
					+ "\"scope\":\"audit.write\"}")));
		this.server.stubFor(post(urlEqualTo(HttpAuditDelivery.EVENTS_PATH))
			.willReturn(aResponse().withTransformers(Acknowledging.NAME)));
	}

	void register(DynamicPropertyRegistry registry) {
		registry.add("shutong.audit.url", this.server::baseUrl);
		registry.add("shutong.security.issuer", this.server::baseUrl);
		registry.add("shutong.audit.client-secret", () -> CLIENT_SECRET);
	}

	/** Every request that delivered events, in order. */
	List<LoggedRequest> deliveries() {
		return this.server.findAll(postRequestedFor(urlEqualTo(HttpAuditDelivery.EVENTS_PATH)));
	}

	/** The ids of the events in each delivery that carried any of these, in order. */
	List<List<UUID>> batchesWith(List<UUID> ids) {
		List<List<UUID>> batches = new ArrayList<>();
		for (LoggedRequest request : deliveries()) {
			List<UUID> batch = eventIds(request);
			if (batch.stream().anyMatch(ids::contains)) {
				batches.add(batch);
			}
		}
		return batches;
	}

	static List<UUID> eventIds(LoggedRequest request) {
		List<UUID> ids = new ArrayList<>();
		for (JsonNode event : JSON.readTree(request.getBodyAsString())) {
			ids.add(UUID.fromString(event.get("eventId").asString()));
		}
		return ids;
	}

	/** Answers 200 with a result for every event of the batch. */
	static final class Acknowledging implements ResponseDefinitionTransformerV2 {

		static final String NAME = "acknowledging-audit-log";

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			List<UUID> ids = eventIds(serveEvent.getRequest());
			String results = ids.stream()
				.map((id) -> "{\"eventId\":\"" + id + "\",\"leafIndex\":" + Math.abs(id.getMostSignificantBits() % 1000)
						+ ",\"duplicate\":false}")
				.collect(Collectors.joining(","));
			return ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"results\":[" + results + "]}")
				.build();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}
