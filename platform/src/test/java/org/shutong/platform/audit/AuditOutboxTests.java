package org.shutong.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The audit outbox of a service, on the database the subclass picks, with WireMock as the
 * audit service and the gateway's token endpoint: events are stored with the business
 * change, delivered in batches after the commit, and sent again until the audit log
 * acknowledges them.
 */
@SpringBootTest(properties = { "spring.application.name=" + AuditLogStandIn.CLIENT_ID,
		"spring.main.web-application-type=none", "spring.flyway.locations=classpath:db/audit-outbox",
		"shutong.data-dir=target/test-data", "shutong.audit.batch-size=10", "shutong.audit.resubmit-interval=300ms",
		"shutong.audit.resubmit-older-than=1s" })
@ExtendWith(OutputCaptureExtension.class)
abstract class AuditOutboxTests {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	private static final AuditLogStandIn auditLog = AuditLogStandIn.shared();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private AuditPublisher publisher;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AbstractPlatformTransactionManager transactionManager;

	@Autowired
	private EventPublicationRepository publications;

	@DynamicPropertySource
	static void auditLog(DynamicPropertyRegistry registry) {
		auditLog.register(registry);
	}

	@BeforeEach
	void answerNormally() {
		auditLog.reset();
	}

	@AfterEach
	void forgetWhatIsLeft() {
		this.jdbc.update("DELETE FROM EVENT_PUBLICATION");
	}

	@Test
	void publishingWithoutATransactionIsRefused() {
		AuditEvent event = event("catalog.resource.create");
		assertThatIllegalStateException().isThrownBy(() -> this.publisher.publish(event))
			.withMessageContaining("without a transaction");
		assertThat(stored(event)).isZero();
	}

	@Test
	void anInvalidEventIsRefusedAndTakesItsTransactionWithIt() {
		AuditEvent valid = event("catalog.resource.create");
		AuditEvent invalid = new AuditEvent(UUID.randomUUID(), Instant.now(), "Catalog Service", "Resource Created!",
				AuditOutcome.SUCCESS, new AuditEvent.Actor("123", null, null), null, null, null, null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.publisher.publish(valid);
			this.publisher.publish(invalid);
		}))
			.withMessageContaining("service must match")
			.withMessageContaining("action must match")
			.withMessageContaining("actor.departmentCode size must be");
		assertThat(stored(valid)).isZero();
		assertThat(stored(invalid)).isZero();
	}

	@Test
	void aRolledBackTransactionLeavesNothingToDeliver() throws InterruptedException {
		AuditEvent rolledBack = event("catalog.resource.create");
		this.transactions.executeWithoutResult((status) -> {
			this.publisher.publish(rolledBack);
			status.setRollbackOnly();
		});
		assertThat(stored(rolledBack)).isZero();
		// An event committed after it is delivered, and resubmission rounds pass.
		AuditEvent committed = event("catalog.resource.retire");
		this.transactions.executeWithoutResult((status) -> this.publisher.publish(committed));
		awaitDelivered(List.of(committed.eventId()));
		Thread.sleep(1000);
		assertThat(auditLog.batchesWith(List.of(rolledBack.eventId()))).isEmpty();
		assertThat(stored(rolledBack)).isZero();
	}

	@Test
	void eventsAreWrittenInTheTransactionAsItCommitsAndGoIfTheCommitFails() {
		AuditEvent failed = event("catalog.resource.create");
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.publisher.publish(failed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					// Written with the change it describes, in its transaction.
					assertThat(stored(failed)).isOne();
					throw new IllegalStateException("the change cannot commit");
				}
			});
		})).withMessage("the change cannot commit");
		assertThat(stored(failed)).isZero();
	}

	@Test
	void anInnerTransactionOfItsOwnStoresItsEventsWhateverTheOuterOneDoes() {
		AuditEvent outer = event("catalog.resource.create");
		AuditEvent inner = event("catalog.resource.retire");
		// The audit log is away for the inner event: its publication must stay stored.
		auditLog.server()
			.stubFor(post(urlEqualTo(HttpAuditDelivery.EVENTS_PATH))
				.withRequestBody(containing(inner.eventId().toString()))
				.willReturn(aResponse().withStatus(503)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"status\":503,\"code\":\"SERVICE_UNAVAILABLE\"}")));
		TransactionTemplate own = new TransactionTemplate(this.transactions.getTransactionManager());
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.executeWithoutResult((status) -> {
			this.publisher.publish(outer);
			own.executeWithoutResult((innerStatus) -> this.publisher.publish(inner));
			status.setRollbackOnly();
		});
		assertThat(stored(inner)).isOne();
		assertThat(stored(outer)).isZero();
		auditLog.reset();
		awaitDelivered(List.of(inner.eventId()));
		assertThat(auditLog.batchesWith(List.of(outer.eventId()))).isEmpty();
	}

	@Test
	void committedEventsAreDeliveredInBatchesAndTheirPublicationsCompleted() {
		List<AuditEvent> events = IntStream.range(0, 25).mapToObj((i) -> event("exchange.query")).toList();
		List<UUID> ids = ids(events);
		this.transactions.executeWithoutResult((status) -> events.forEach(this.publisher::publish));

		awaitDelivered(ids);
		List<List<UUID>> batches = auditLog.batchesWith(ids);
		assertThat(batches).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
		assertThat(batches).anySatisfy((batch) -> assertThat(batch).hasSizeGreaterThan(1));
		assertThat(batches.stream().flatMap(List::stream).toList()).hasSize(25)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(ids);
		await().atMost(DEADLINE).untilAsserted(() -> assertThat(storedAny(ids)).isZero());
	}

	@Test
	void theDeliveredPublicationsOfABatchAreCompletedWithOneCommit() {
		List<String> committingThreads = Collections.synchronizedList(new ArrayList<>());
		TransactionExecutionListener commits = new TransactionExecutionListener() {
			@Override
			public void afterCommit(TransactionExecution transaction, @Nullable Throwable failure) {
				committingThreads.add(Thread.currentThread().getName());
			}
		};
		this.transactionManager.addListener(commits);
		try {
			List<AuditEvent> events = IntStream.range(0, 25).mapToObj((i) -> event("certificate.issue")).toList();
			List<UUID> ids = ids(events);
			this.transactions.executeWithoutResult((status) -> events.forEach(this.publisher::publish));

			awaitDelivered(ids);
			await().atMost(DEADLINE).untilAsserted(() -> assertThat(storedAny(ids)).isZero());
			// A commit per batch (three or so), where one per publication would be 25;
			// the margin is for a straggler of another test settled meanwhile.
			assertThat(committingThreads.stream().filter("audit-delivery"::equals)).hasSizeLessThan(ids.size() / 2);
		}
		finally {
			this.transactionManager.getTransactionExecutionListeners().remove(commits);
		}
	}

	@Test
	void anEventIsSentAsTheAuditServiceReadsIt() {
		AuditEvent event = new AuditEvent(UUID.randomUUID(), Instant.parse("2026-11-23T08:15:30.123456Z"),
				"catalog-service", "exchange.query", AuditOutcome.DENIED,
				new AuditEvent.Actor("11330100002482100A", "public-security-system", null),
				new AuditEvent.Subject(AuditEvent.SubjectKind.PERSON, "ab".repeat(32)), "resource/RES-1", "SI-001",
				"社会救助资格核验", "4bf92f3577b34da6a3ce929d0e0e4736", Map.of("fields", 3));
		this.transactions.executeWithoutResult((status) -> this.publisher.publish(event));
		awaitDelivered(List.of(event.eventId()));

		LoggedRequest request = auditLog.deliveries()
			.stream()
			.filter((delivery) -> AuditLogStandIn.eventIds(delivery).contains(event.eventId()))
			.findFirst()
			.orElseThrow();
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		JsonNode sent = this.json.readTree(new String(request.getBody(), StandardCharsets.UTF_8)).get(0);
		assertThat(sent.get("eventId").asString()).isEqualTo(event.eventId().toString());
		assertThat(sent.get("occurredAt").asString()).isEqualTo("2026-11-23T08:15:30.123456Z");
		assertThat(sent.get("service").asString()).isEqualTo("catalog-service");
		assertThat(sent.get("action").asString()).isEqualTo("exchange.query");
		assertThat(sent.get("outcome").asString()).isEqualTo("DENIED");
		assertThat(sent.get("actor").get("departmentCode").asString()).isEqualTo("11330100002482100A");
		assertThat(sent.get("actor").get("clientId").asString()).isEqualTo("public-security-system");
		assertThat(sent.get("subject").get("kind").asString()).isEqualTo("PERSON");
		assertThat(sent.get("subject").get("reference").asString()).isEqualTo("ab".repeat(32));
		assertThat(sent.get("resource").asString()).isEqualTo("resource/RES-1");
		assertThat(sent.get("serviceItemCode").asString()).isEqualTo("SI-001");
		assertThat(sent.get("purpose").asString()).isEqualTo("社会救助资格核验");
		assertThat(sent.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(sent.get("details").get("fields").asInt()).isEqualTo(3);
	}

	@Test
	void eventsAreSentAgainUntilTheAuditServiceAcknowledgesThem() {
		List<AuditEvent> events = List.of(event("certificate.issue"), event("certificate.issue"),
				event("certificate.revoke"));
		List<UUID> ids = ids(events);
		auditLog.server()
			.stubFor(post(urlEqualTo(HttpAuditDelivery.EVENTS_PATH)).inScenario("outage")
				.whenScenarioStateIs(Scenario.STARTED)
				.withRequestBody(containing(ids.get(0).toString()))
				.willReturn(aResponse().withStatus(503)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"status\":503,\"code\":\"SERVICE_UNAVAILABLE\"}"))
				.willSetStateTo("up"));
		this.transactions.executeWithoutResult((status) -> events.forEach(this.publisher::publish));

		await().atMost(DEADLINE).untilAsserted(() -> {
			assertThat(storedAny(ids)).isZero();
			List<UUID> sent = auditLog.batchesWith(ids).stream().flatMap(List::stream).toList();
			// Refused once with 503, then sent again and acknowledged.
			assertThat(ids).allSatisfy((id) -> assertThat(Collections.frequency(sent, id)).isGreaterThanOrEqualTo(2));
		});
		assertThat(auditLog.batchesWith(ids).get(0)).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void theTokenComesFromClientCredentialsAndIsSentAsBearerAndRenewedWhenRefused() {
		auditLog.server()
			.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"access_token\":\"fresh-token\",\"token_type\":\"Bearer\",\"expires_in\":600}")));
		AuditEvent event = event("catalog.resource.update");
		auditLog.server()
			.stubFor(post(urlEqualTo(HttpAuditDelivery.EVENTS_PATH)).inScenario("expired token")
				.whenScenarioStateIs(Scenario.STARTED)
				.withRequestBody(containing(event.eventId().toString()))
				.willReturn(aResponse().withStatus(401)
					.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"status\":401,\"code\":\"UNAUTHORIZED\"}"))
				.willSetStateTo("refused"));
		this.transactions.executeWithoutResult((status) -> this.publisher.publish(event));

		await().atMost(DEADLINE).untilAsserted(() -> assertThat(stored(event)).isZero());
		String basic = Base64.getEncoder()
			.encodeToString(
					(AuditLogStandIn.CLIENT_ID + ":" + AuditLogStandIn.WIRE_SECRET).getBytes(StandardCharsets.UTF_8));
		auditLog.server()
			.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withHeader("Authorization", equalTo("Basic " + basic))
				.withRequestBody(containing("grant_type=client_credentials"))
				.withRequestBody(containing("scope=audit.write")));
		List<LoggedRequest> deliveries = auditLog.deliveries()
			.stream()
			.filter((delivery) -> AuditLogStandIn.eventIds(delivery).contains(event.eventId()))
			.toList();
		assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2);
		assertThat(deliveries).allSatisfy((delivery) -> assertThat(delivery.getHeader("Authorization"))
			.matches("Bearer (" + AuditLogStandIn.TOKEN + "|fresh-token)"));
		// The refused token was dropped: the delivery that was acknowledged had a new
		// one.
		assertThat(deliveries.get(deliveries.size() - 1).getHeader("Authorization")).isEqualTo("Bearer fresh-token");
	}

	@Test
	void eventsTheAuditServiceRefusesAreLoggedAndLeftWhileTheRestOfTheirBatchIsDelivered(CapturedOutput output)
			throws InterruptedException {
		AuditEvent first = event("catalog.resource.create");
		AuditEvent refused = event("catalog.resource.create");
		AuditEvent third = event("catalog.resource.create");
		auditLog.server()
			.stubFor(post(urlEqualTo(HttpAuditDelivery.EVENTS_PATH))
				.withRequestBody(containing(refused.eventId().toString()))
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"status\":400,\"code\":\"INVALID_REQUEST\",\"errors\":[{\"field\":"
							+ "\"[1].actor.departmentCode\",\"message\":\"no such department\"}]}")));
		long start = System.nanoTime();
		this.transactions
			.executeWithoutResult((status) -> List.of(first, refused, third).forEach(this.publisher::publish));

		awaitDelivered(List.of(first.eventId(), third.eventId()));
		await().atMost(DEADLINE)
			.untilAsserted(() -> assertThat(output.getOut()).contains("ERROR")
				.contains("The audit log refused")
				.contains(refused.eventId().toString())
				.contains("no such department"));
		// Left for the scheduled resubmission (every 300 ms here), not sent again and
		// again.
		Thread.sleep(1500);
		long rounds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 300;
		assertThat(auditLog.batchesWith(List.of(refused.eventId()))).hasSizeBetween(1, (int) rounds + 2);
		assertThat(stored(refused)).isOne();
		assertThat(storedAny(List.of(first.eventId(), third.eventId()))).isZero();
	}

	@Test
	void aPublicationWhoseDeliveryWasLostIsSentAgain() {
		// As a service that stopped after the commit leaves it: published, never
		// completed.
		AuditEvent event = event("catalog.resource.create");
		this.transactions.executeWithoutResult((status) -> this.publications
			.create(TargetEventPublication.of(event, AuditOutboxListener.TARGET, Instant.now().minusSeconds(60))));
		assertThat(stored(event)).isOne();

		awaitDelivered(List.of(event.eventId()));
		await().atMost(DEADLINE).untilAsserted(() -> assertThat(stored(event)).isZero());
	}

	private void awaitDelivered(List<UUID> ids) {
		await().atMost(DEADLINE)
			.untilAsserted(() -> assertThat(auditLog.batchesWith(ids).stream().flatMap(List::stream).toList())
				.containsAll(ids));
	}

	private int stored(AuditEvent event) {
		return storedAny(List.of(event.eventId()));
	}

	private int storedAny(List<UUID> ids) {
		return ids.stream()
			.mapToInt((id) -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?", Integer.class,
					"%" + id + "%"))
			.sum();
	}

	private static List<UUID> ids(List<AuditEvent> events) {
		return events.stream().map(AuditEvent::eventId).toList();
	}

	static AuditEvent event(String action) {
		return new AuditEvent(UUID.randomUUID(), Instant.now(), "catalog-service", action, AuditOutcome.SUCCESS,
				new AuditEvent.Actor("11330100002482100A", "public-security-system", null), null, "resource/RES-1",
				null, null, null, Map.of("items", 2));
	}

}
