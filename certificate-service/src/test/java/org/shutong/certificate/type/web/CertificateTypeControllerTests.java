package org.shutong.certificate.type.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.FieldType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;
import org.shutong.platform.testing.GatewayStandIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CertificateTypeControllerTests {

	private static final String AUDIENCE = "certificate-service";

	private static final String RESIDENCE_PERMIT = "11330100002482100A001";

	private static final String BUSINESS_LICENCE = "113301000024828002001";

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private CertificateTypeRepository types;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@BeforeEach
	void types() {
		if (this.types.findById(RESIDENCE_PERMIT).isPresent()) {
			return;
		}
		this.types.save(new CertificateType(RESIDENCE_PERMIT, "居住证", "11330100002482100A", HolderKind.PERSON, 10,
				List.of(new SurfaceField("holderName", "姓名", FieldType.TEXT, true, true),
						new SurfaceField("address", "居住地址", FieldType.TEXT, true, false)),
				Instant.now()));
		this.types.save(new CertificateType(BUSINESS_LICENCE, "营业执照", "113301000024828002", HolderKind.ENTITY, null,
				List.of(new SurfaceField("entityName", "名称", FieldType.TEXT, false, true)), Instant.now()));
	}

	@Test
	void listsTheTypesByCodeWithTheirSurfaceFields() {
		MvcTestResult result = get(this.gateway.withScopes(AUDIENCE, "certificate.read"));
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.containsSubsequence(RESIDENCE_PERMIT, BUSINESS_LICENCE);
		assertThat(result).bodyJson()
			.extractingPath("$[?(@.code == '" + RESIDENCE_PERMIT + "')]")
			.asArray()
			.containsExactly(Map.of("code", RESIDENCE_PERMIT, "name", "居住证", "issuerDepartmentCode",
					"11330100002482100A", "holderKind", "PERSON", "validityYears", 10, "fields",
					List.of(Map.of("name", "holderName", "label", "姓名", "type", "TEXT", "sensitive", true, "required",
							true),
							Map.of("name", "address", "label", "居住地址", "type", "TEXT", "sensitive", true, "required",
									false))));
	}

	@Test
	void saysWhenATypeHasNoFixedValidity() {
		MvcTestResult result = get(this.gateway.withScopes(AUDIENCE, "certificate.issue"));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.extractingPath("$[?(@.code == '" + BUSINESS_LICENCE + "')].validityYears")
			.asArray()
			.containsExactly((Object) null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CITIZEN", "DEPT_OPERATOR", "AUDITOR", "ADMIN" })
	void opensToEveryRole(String role) {
		assertThat(get(this.gateway.withRole(AUDIENCE, role))).hasStatusOk();
	}

	@Test
	void refusesASystemWithoutACertificateScope() {
		MvcTestResult result = get(this.gateway.withScopes(AUDIENCE, "catalog.read exchange.query"));
		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("FORBIDDEN");
	}

	@Test
	void refusesACallerWithoutAToken() {
		MvcTestResult result = this.mvc.get().uri("/api/certificates/types").exchange();
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNAUTHORIZED");
	}

	@Test
	void refusesATokenForAnotherService() {
		MvcTestResult result = get(this.gateway.withScopes("catalog-service", "certificate.read"));
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("UNAUTHORIZED");
	}

	private MvcTestResult get(String token) {
		return this.mvc.get().uri("/api/certificates/types").header("Authorization", "Bearer " + token).exchange();
	}

}
