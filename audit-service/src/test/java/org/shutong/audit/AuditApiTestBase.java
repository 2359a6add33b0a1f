package org.shutong.audit;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of the audit API share: one application context (on H2, on a real port
 * as well as MockMvc), the gateway stand-in's tokens, and helpers. The database is shared
 * with every other test in the JVM, so tests find their own events by values no other
 * test uses ({@link #unique(String)}, {@link #freshHolder()}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class AuditApiTestBase {

	protected static final String AUDIENCE = "audit-service";

	private static final SecureRandom RANDOM = new SecureRandom();

	protected final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected AuditLog log;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	protected String auditor() {
		return this.gateway.withRole(AUDIENCE, "AUDITOR");
	}

	/** An auditor's token with a subject of its own, to find what the log says it did. */
	protected String auditor(String subject) {
		return this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject(subject)
			.claim("roles", List.of("AUDITOR"))
			.claim("client_id", "shutong-cli"));
	}

	/**
	 * @param uri as sent, its query already encoded
	 */
	protected MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(URI.create(uri)).header("Authorization", "Bearer " + token).exchange();
	}

	/** Appends the events and returns their leaf indexes, in order. */
	protected List<Long> append(List<AuditEvent> events) {
		return this.log.append(events).stream().map(Appended::leafIndex).toList();
	}

	protected long append(AuditEvent event) {
		return append(List.of(event)).get(0);
	}

	/** A value no other test uses, starting with {@code prefix}. */
	protected static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** A holder reference no other test uses. */
	protected static String freshHolder() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** A department credit code no other test uses (18 digits). */
	protected static String freshDepartment() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 18; i++) {
			code.append(RANDOM.nextInt(10));
		}
		return code.toString();
	}

	/** An action name no other test uses. */
	protected static String freshAction() {
		return "test." + unique("a");
	}

	/**
	 * A time a few seconds past some random moment of the year 2400, which no other test
	 * uses.
	 */
	protected static Instant freshTime() {
		return Instant.parse("2400-01-01T00:00:00Z")
			.plusSeconds(RANDOM.nextInt(365 * 24 * 3600))
			.plusNanos(RANDOM.nextInt(1_000_000) * 1000L);
	}

	protected static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
