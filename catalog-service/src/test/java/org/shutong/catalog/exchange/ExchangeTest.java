package org.shutong.catalog.exchange;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.jayway.jsonpath.JsonPath;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.shutong.catalog.exchange.provider.ProviderAllowlist;
import org.shutong.catalog.exchange.provider.ProviderSettings;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.EndpointParameter;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;
import org.shutong.catalog.sharing.ApplicationRequest;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.SharingService;
import org.shutong.platform.audit.AuditDelivery;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.security.Caller;
import org.shutong.platform.testing.GatewayStandIn;
import org.shutong.platform.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the exchange tests share: one application context with a clock they move by hand,
 * the audit service held down (so every audit event stays in {@code EVENT_PUBLICATION}),
 * the SQL Hibernate sends recorded on request ({@link SqlStatements}), WireMock playing
 * the provider department's own system on loopback (allowed as {@code 127.0.0.1}),
 * resources whose endpoint points at it, grants made through the sharing workflow, and
 * queries through the real security filters.
 */
@SpringBootTest(properties = { "shutong.sharing.expiry-interval=PT1H", "shutong.exchange.max-response-size=64KB",
		"shutong.exchange.quota.per-minute=20", "shutong.exchange.circuit-breaker.window=100",
		"shutong.exchange.circuit-breaker.minimum-calls=100" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ExchangeTest.Held.class)
abstract class ExchangeTest {

	static final String AUDIENCE = "catalog-service";

	/**
	 * The consumer department (a district's civil affairs bureau), party to no other test
	 * class's applications.
	 */
	static final String CONSUMER = "113301060024827003";

	/** The provider department (a district's public security bureau). */
	static final String PROVIDER = "11330106002482900E";

	/** A third department, party to nothing. */
	static final String OTHER = "11100000000013338W";

	static final String SERVICE_ITEM = "330100-MZ-0012";

	static final String PURPOSE = "办理低保资格审核";

	/** A citizen's ID number with a valid check character. */
	static final String ID_NUMBER = "11010519491231002X";

	static final WireMockServer providerSystem = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

	final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataResourceRepository resources;

	@Autowired
	SharingService sharing;

	@Autowired
	ProviderAllowlist allowlist;

	@Autowired
	MutableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	EventPublicationRepository publications;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@BeforeAll
	static void startProviderSystem() {
		if (!providerSystem.isRunning()) {
			providerSystem.start();
		}
	}

	@BeforeEach
	void allowProviderSystem() {
		this.allowlist.allow(admin(), "127.0.0.1", new ProviderSettings("市公安局人口库", 5_000, 4));
	}

	// Callers and tokens

	static Caller admin() {
		return new Caller("admin", "shutong-console", null, Set.of(), Set.of("ADMIN"), null);
	}

	static Caller system(String department, String... scopes) {
		return new Caller("system-" + department, "system-" + department, department, Set.of(scopes), Set.of(), null);
	}

	String token(String department, String scopes) {
		return this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("system-" + department)
			.claim("client_id", "system-" + department)
			.claim("scope", scopes)
			.claim("dept", department));
	}

	String consumerToken() {
		return token(CONSUMER, "exchange.query catalog.read");
	}

	// Fixtures

	/**
	 * A resource of the provider at security level {@code level}, queried at WireMock's
	 * {@code path} by POST with a required {@code idNumber} and an optional {@code asOf}
	 * date; {@code name}, {@code idNumber} and {@code phone} are sensitive.
	 */
	String resource(int level, String path) {
		return resource(level, path, "POST");
	}

	String resource(int level, String path, String method) {
		return resourceAt(level, "http://127.0.0.1:" + providerSystem.port() + path, method);
	}

	String resourceAt(int level, String endpoint, String method) {
		String code = "GA-" + UUID.randomUUID().toString().substring(0, 8);
		List<DataItem> items = List.of(new DataItem("name", "string", "姓名", true),
				new DataItem("idNumber", "string", "公民身份号码", true), new DataItem("phone", "string", "手机号码", true),
				new DataItem("maritalStatus", "string", "婚姻状况", false), new DataItem("address", "string", "住址", false));
		List<EndpointParameter> parameters = List.of(new EndpointParameter("idNumber", "string", true, "公民身份号码"),
				new EndpointParameter("asOf", "date", false, "查询日期"));
		this.resources.save(new DataResource(code, 1, PROVIDER, new DataResource.Description("户籍人口信息", "由市公安局提供", "公安"),
				new DataResource.Grading(level, SharingType.CONDITIONAL, "仅限政务服务事项", OpenType.NOT_OPEN,
						UpdateCycle.DAILY),
				new DataResource.Endpoint(endpoint, method), parameters, items, Instant.parse("2026-01-01T00:00:00Z")));
		return code;
	}

	/**
	 * A grant of these items of the resource to the consumer, through the sharing
	 * workflow.
	 */
	Grant grant(String resourceCode, boolean rawValues, String... items) {
		String applicationId = this.sharing
			.file(system(CONSUMER, "sharing.apply"), resourceCode,
					new ApplicationRequest(PURPOSE, "《社会救助暂行办法》第十一条", List.of(items), SERVICE_ITEM,
							this.clock.instant().plus(Duration.ofDays(30))))
			.id();
		return this.sharing.approve(system(PROVIDER, "sharing.review"), applicationId, null, rawValues);
	}

	static Map<String, Object> query(Map<String, Object> parameters) {
		return Map.of("parameters", parameters, "purpose", PURPOSE, "serviceItemCode", SERVICE_ITEM);
	}

	static Map<String, Object> query() {
		return query(Map.of("idNumber", ID_NUMBER));
	}

	// Requests

	MvcTestResult send(String uri, String token, Object body) {
		return this.mvc.post()
			.uri(uri)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	MvcTestResult ask(String resourceCode, Object body) {
		return send("/api/exchange/" + resourceCode + "/query", consumerToken(), body);
	}

	MvcTestResult fetch(String uri, String token) {
		return this.mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	static <T> T read(MvcTestResult result, String path) {
		try {
			return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
	}

	// Audit

	/** The audit events of queries of this resource in the outbox, oldest first. */
	List<AuditEvent> queryEvents(String resourceCode) {
		return this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> resourceCode.equals(event.resource()) && ExchangeLedger.QUERY.equals(event.action()))
			.sorted(Comparator.comparing(AuditEvent::occurredAt))
			.toList();
	}

	/** The one query event of this resource, asserting there is exactly one. */
	AuditEvent onlyQueryEvent(String resourceCode) {
		List<AuditEvent> events = queryEvents(resourceCode);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Held {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		}

		@Bean
		SqlStatements sqlStatements() {
			return new SqlStatements();
		}

		@Bean
		HibernatePropertiesCustomizer inspectStatements(SqlStatements statements) {
			return (properties) -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, statements);
		}

		/**
		 * The audit service, down for these tests: what is published stays in the outbox.
		 */
		@Bean
		AuditDelivery heldDelivery() {
			return (events) -> {
				throw new IllegalStateException("The audit service is held down in this test");
			};
		}

	}

}
