package org.shutong.certificate.type.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class TypeRegistrationTests extends CertificateTest {

	@Test
	void anAdministratorRegistersATypeAndItsIssuerGetsAKey() {
		String issuer = department();
		String code = department() + "007";

		MvcTestResult result = post("/api/certificates/types", admin(), type(code, issuer));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat((String) read(result, "$.code")).isEqualTo(code);
		assertThat((List<String>) read(result, "$.fields[*].name")).containsExactly("name", "photo");
		assertThat((Boolean) read(result, "$.fields[1].sensitive")).isTrue();
		assertThat(this.types.findById(code)).isPresent();
		assertThat((List<String>) read(get("/api/certificates/issuers/" + issuer + "/keys", null), "$.keys[*].crv"))
			.containsExactly("SM2");
		assertThat(auditEvents(code)).extracting(AuditEvent::action).containsExactly("certificate.type.create");
	}

	@Test
	void aSystemWithTheAdminScopeMayRegister() {
		MvcTestResult result = post("/api/certificates/types", this.gateway.withScopes(AUDIENCE, "admin"),
				type(department() + "001", department()));
		assertThat(result).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void refusesADuplicateCode() {
		String code = department() + "001";
		assertThat(post("/api/certificates/types", admin(), type(code, department()))).hasStatus(HttpStatus.CREATED);
		assertProblem(post("/api/certificates/types", admin(), type(code, department())), HttpStatus.CONFLICT,
				"TYPE_EXISTS");
	}

	@Test
	void namesEveryBadField() {
		Map<String, Object> bad = Map.of("code", "11100000000013338X032", "name", "", "issuerDepartmentCode",
				"11330100002482100B", "fields", List.of(Map.of("name", "1x", "label", "", "type", "TEXT"),
						Map.of("name", "a", "label", "甲"), Map.of("name", "a", "label", "乙", "type", "DATE")),
				"validityYears", 0);
		assertInvalid(post("/api/certificates/types", admin(), bad), "code", "name", "issuerDepartmentCode",
				"holderKind", "validityYears", "fields[0].name", "fields[0].label", "fields[1].type", "fields[2].name");
	}

	@Test
	void refusesEveryoneButAnAdministrator() {
		Map<String, Object> type = type(department() + "001", department());
		assertProblem(post("/api/certificates/types", issuerSystem(department()), type), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertProblem(post("/api/certificates/types", this.gateway.withRole(AUDIENCE, "DEPT_OPERATOR"), type),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(post("/api/certificates/types", null, type), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	private static Map<String, Object> type(String code, String issuer) {
		return Map.of("code", code, "name", "残疾人证", "issuerDepartmentCode", issuer, "holderKind", "PERSON",
				"validityYears", 10, "fields",
				List.of(Map.of("name", "name", "label", "姓名", "type", "TEXT", "required", true),
						Map.of("name", "photo", "label", "照片", "type", "IMAGE", "sensitive", true)));
	}

}
