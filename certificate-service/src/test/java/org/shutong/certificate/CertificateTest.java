package org.shutong.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.FieldType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;
import org.shutong.platform.audit.AuditDelivery;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
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
 * What the certificate tests share: one application context with a clock they move by
 * hand, the audit service held down (every audit event stays in {@code EVENT_PUBLICATION}
 * for the test to read), tokens, fresh departments and types, and requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CertificateTest.Held.class)
public abstract class CertificateTest {

	public static final String AUDIENCE = "certificate-service";

	protected final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected CertificateTypeRepository types;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected EventPublicationRepository publications;

	@Autowired
	protected HolderReferences holderReferences;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	// Tokens

	protected String issuerSystem(String department) {
		return system(department, "certificate.issue certificate.read");
	}

	protected String system(String department, String scopes) {
		return this.gateway.sign(this.gateway.claims(AUDIENCE)
			.subject("system-" + department)
			.claim("client_id", "system-" + department)
			.claim("scope", scopes)
			.claim("dept", department));
	}

	/**
	 * A citizen's token as the gateway issues it, naming the holder of this ID number.
	 */
	protected String citizen(String idNumber) {
		return this.gateway.citizen(AUDIENCE, holderReference(idNumber));
	}

	protected String holderReference(String idNumber) {
		return this.holderReferences.of(new ResidentIdNumber(idNumber));
	}

	protected String admin() {
		return this.gateway.withRole(AUDIENCE, "ADMIN");
	}

	// Fixtures

	/** A random valid credit code of a government body (registration class 11). */
	public static String department() {
		StringBuilder code = new StringBuilder("11");
		for (int i = 0; i < 15; i++) {
			code.append(ThreadLocalRandom.current().nextInt(10));
		}
		code.append(CreditCode.checkCharacter(code.toString()));
		return code.toString();
	}

	/** A random valid resident ID number of someone born in 1990. */
	public static String idNumber() {
		String first = "330106199005" + "%02d".formatted(ThreadLocalRandom.current().nextInt(1, 29))
				+ "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
		return first + ResidentIdNumber.checkCharacter(first);
	}

	/**
	 * A person's certificate type of a fresh issuing department: name and address fields.
	 */
	protected CertificateType personType(String issuer, Integer validityYears) {
		return this.types.saveAndFlush(new CertificateType(issuer + "001", "居住证", issuer, HolderKind.PERSON,
				validityYears, List.of(new SurfaceField("name", "姓名", FieldType.TEXT, false, true),
						new SurfaceField("address", "居住地址", FieldType.TEXT, true, false)),
				Instant.now()));
	}

	protected Map<String, Object> request(CertificateType type, String idNumber) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("typeCode", type.code());
		request.put("holder", Map.of("kind", "PERSON", "idNumber", idNumber, "name", "张三"));
		request.put("fields", Map.of("name", "张三", "address", "杭州市西湖区"));
		request.put("validFrom", this.clock.instant().minus(1, ChronoUnit.DAYS).toString());
		return request;
	}

	/** Issues a certificate and returns its JSON as answered. */
	protected String issue(CertificateType type, Map<String, Object> request) {
		MvcTestResult issued = post("/api/certificates", issuerSystem(type.issuerDepartmentCode()), request);
		assertThat(issued).hasStatus(HttpStatus.CREATED);
		return body(issued);
	}

	// Requests

	protected MvcTestResult post(String uri, String token, Object body) {
		var request = this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.content((body instanceof String text) ? text : this.json.writeValueAsString(body)).exchange();
	}

	protected MvcTestResult get(String uri, String token) {
		var request = this.mvc.get().uri(uri);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.exchange();
	}

	protected static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static <T> T read(MvcTestResult result, String path) {
		return JsonPath.read(body(result), path);
	}

	protected static <T> T read(String json, String path) {
		return JsonPath.read(json, path);
	}

	protected static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

	/** Asserts a 400 problem naming exactly these fields. */
	protected static void assertInvalid(MvcTestResult result, String... fields) {
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder((Object[]) fields);
	}

	// Audit

	/** The audit events in the outbox about this resource (certificate id, type code). */
	protected List<AuditEvent> auditEvents(String resource) {
		return this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> resource.equals(event.resource()))
			.toList();
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
