package org.shutong.catalog.sharing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.SharingType;
import org.shutong.platform.audit.AuditDelivery;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;
import org.shutong.platform.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sharing tests share: one application context with a clock they move by hand,
 * the audit service held down (so every audit event stays in {@code EVENT_PUBLICATION}
 * for the test to read), tokens of the departments' systems and people, and requests.
 */
@SpringBootTest(properties = "shutong.sharing.expiry-interval=PT1H")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SharingTest.Held.class)
abstract class SharingTest {

	static final String AUDIENCE = "catalog-service";

	final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataResourceRepository resources;

	@Autowired
	MutableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventPublicationRepository publications;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	// Tokens

	String system(String department, String scopes) {
		return this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("system-" + department)
			.claim("client_id", "system-" + department)
			.claim("scope", scopes)
			.claim("dept", department));
	}

	String operator(String department) {
		return this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("operator-" + department)
			.claim("client_id", "shutong-console")
			.claim("roles", List.of("DEPT_OPERATOR"))
			.claim("dept", department));
	}

	String consumer() {
		return system(SharingFixtures.CONSUMER, "sharing.apply catalog.read");
	}

	String provider() {
		return system(SharingFixtures.PROVIDER, "sharing.review catalog.read");
	}

	// Fixtures

	String resource(SharingType sharingType, String... items) {
		String code = SharingFixtures.code("GA");
		this.resources.save(SharingFixtures.resource(code, 1, SharingFixtures.PROVIDER, sharingType, items));
		return code;
	}

	Map<String, Object> application(List<String> items, Instant validUntil) {
		return Map.of("purpose", "办理低保资格审核", "legalBasis", "《社会救助暂行办法》第十一条", "items", items, "serviceItemCode",
				"330100-MZ-0012", "validUntil", validUntil.toString());
	}

	String fileApplication(String resourceCode, List<String> items) {
		MvcTestResult filed = file(consumer(), resourceCode,
				application(items, this.clock.instant().plus(Duration.ofDays(365))));
		assertThat(filed).hasStatus(HttpStatus.CREATED);
		return read(filed, "$.id");
	}

	// Requests

	MvcTestResult file(String token, String resourceCode, Object body) {
		return post("/api/catalog/resources/" + resourceCode + "/applications", token, body);
	}

	MvcTestResult post(String uri, String token, Object body) {
		return this.mvc.post()
			.uri(uri)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	/**
	 * The ids of every page of a listing: tests of one context share the database and its
	 * clock, so an item filed at the same instant as others need not be on the first
	 * page.
	 */
	List<String> listedIds(String uri, String token) {
		List<String> ids = new ArrayList<>();
		for (int page = 0;; page++) {
			List<String> onPage = read(get(uri + "&size=100&page=" + page, token), "$.items[*].id");
			ids.addAll(onPage);
			if (onPage.size() < 100) {
				return ids;
			}
		}
	}

	static <T> T read(MvcTestResult result, String path) {
		try {
			return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
	}

	/** Asserts a 400 problem naming exactly these fields. */
	static void assertInvalid(MvcTestResult result, String... fields) {
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder((Object[]) fields);
	}

	// Audit

	/**
	 * The audit events stored in the outbox about this resource, in the order they
	 * happened.
	 */
	List<AuditEvent> auditEvents(String resourceCode) {
		return this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> resourceCode.equals(event.resource()))
			.sorted(java.util.Comparator.comparing(AuditEvent::occurredAt).thenComparing(SharingTest::lifecycleRank))
			.toList();
	}

	/**
	 * Events of one transaction carry the same time: they are ordered as the workflow
	 * goes.
	 */
	private static int lifecycleRank(AuditEvent event) {
		return List
			.of("sharing.application.file", "sharing.application.approve", "sharing.application.reject",
					"sharing.grant.revoke", "sharing.grant.expire")
			.indexOf(event.action());
	}

	/** Outbox rows that mention the resource at all, whatever their event. */
	int outboxRowsMentioning(String text) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
				Integer.class, "%" + text + "%");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Held {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		}

		/**
		 * The audit service, down for these tests: what is published stays in the outbox.
		 */
		@Bean
		AuditDelivery heldDelivery() {
			return (events) -> {
				throw new IllegalStateException(
						"The audit service is held down in this test (" + UUID.randomUUID() + ")");
			};
		}

	}

}
