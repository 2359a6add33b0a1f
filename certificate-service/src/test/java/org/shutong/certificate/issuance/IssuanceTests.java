package org.shutong.certificate.issuance;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.identifier.CertificateId;
import org.shutong.certificate.type.CertificateType;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class IssuanceTests extends CertificateTest {

	@Autowired
	private HolderReferences holderReferences;

	@Test
	void issuesASignedCertificateWithAnIdentifierAndAMaskedHolder() {
		String issuer = department();
		CertificateType type = personType(issuer, 5);
		String idNumber = idNumber();

		String certificate = issue(type, request(type, idNumber));

		String id = read(certificate, "$.id");
		CertificateId parsed = CertificateId.parse(id).orElseThrow();
		assertThat(parsed.typeCode()).isEqualTo(type.code());
		assertThat(parsed.issuerCode()).isEqualTo(issuer);
		assertThat(parsed.version()).isEqualTo("001");
		assertThat((String) read(certificate, "$.typeCode")).isEqualTo(type.code());
		assertThat((String) read(certificate, "$.issuerDepartmentCode")).isEqualTo(issuer);
		assertThat((Map<String, Object>) read(certificate, "$.holder")).containsEntry("kind", "PERSON")
			.containsEntry("name", "张三")
			.containsEntry("idNumberMasked", new ResidentIdNumber(idNumber).masked())
			.containsEntry("idNumberDigest", CertificateDocuments.idNumberDigest(id, idNumber));
		assertThat(certificate).doesNotContain(idNumber);
		assertThat((Map<String, Object>) read(certificate, "$.fields")).containsEntry("address", "杭州市西湖区");
		assertThat((String) read(certificate, "$.status")).isEqualTo("VALID");
		assertThat((String) read(certificate, "$.signature.alg")).isEqualTo("SM2-SM3");
		assertThat((String) read(certificate, "$.signature.keyId")).startsWith(issuer.toLowerCase() + "-sm2-");
		// The type's validity of five years runs from validFrom.
		String validFrom = read(certificate, "$.validFrom");
		assertThat((String) read(certificate, "$.validUntil")).isEqualTo(java.time.Instant.parse(validFrom)
			.atOffset(java.time.ZoneOffset.UTC)
			.plusYears(5)
			.toInstant()
			.toString());
	}

	@Test
	void storesTheHolderReferenceSoTheHolderCanFindIt() {
		CertificateType type = personType(department(), null);
		String idNumber = idNumber();
		String id = read(issue(type, request(type, idNumber)), "$.id");

		String reference = this.holderReferences.of(new ResidentIdNumber(idNumber));
		assertThat(this.jdbc.queryForList("SELECT id FROM certificate WHERE holder_reference = ?", String.class,
				reference))
			.containsExactly(id);
	}

	@Test
	void givesConsecutiveSerialsPerTypeAndIssuer() {
		CertificateType type = personType(department(), null);
		String first = read(issue(type, request(type, idNumber())), "$.id");
		String second = read(issue(type, request(type, idNumber())), "$.id");
		assertThat(CertificateId.parse(first).orElseThrow().serial()).isEqualTo("0000001");
		assertThat(CertificateId.parse(second).orElseThrow().serial()).isEqualTo("0000002");
	}

	@Test
	void signsWithEs256WhenAsked() {
		CertificateType type = personType(department(), null);
		Map<String, Object> request = request(type, idNumber());
		request.put("alg", "ES256");
		String certificate = issue(type, request);
		assertThat((String) read(certificate, "$.signature.alg")).isEqualTo("ES256");
		assertThat((String) read(certificate, "$.signature.keyId")).contains("-p256-");
	}

	@Test
	void auditsTheIssueAboutTheHolderReferenceNeverTheNumber() {
		String issuer = department();
		CertificateType type = personType(issuer, null);
		String idNumber = idNumber();
		String id = read(issue(type, request(type, idNumber)), "$.id");

		List<AuditEvent> events = auditEvents(id);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo("certificate.issue");
			assertThat(event.service()).isEqualTo("certificate-service");
			assertThat(event.actor().departmentCode()).isEqualTo(issuer);
			assertThat(event.actor().clientId()).isEqualTo("system-" + issuer);
			assertThat(event.subject().kind()).isEqualTo(AuditEvent.SubjectKind.PERSON);
			assertThat(event.subject().reference()).isEqualTo(this.holderReferences.of(new ResidentIdNumber(idNumber)));
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
				Integer.class, "%" + idNumber + "%"))
			.isZero();
	}

	@Test
	void refusesADepartmentThatIsNotTheTypesIssuer() {
		CertificateType type = personType(department(), null);
		MvcTestResult result = post("/api/certificates", issuerSystem(department()), request(type, idNumber()));
		assertProblem(result, HttpStatus.FORBIDDEN, "NOT_ISSUER");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE type_code = ?", Integer.class,
				type.code()))
			.isZero();
	}

	@Test
	void refusesASystemWithoutTheIssueScope() {
		CertificateType type = personType(department(), null);
		MvcTestResult result = post("/api/certificates", system(type.issuerDepartmentCode(), "certificate.read"),
				request(type, idNumber()));
		assertProblem(result, HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	@Test
	void refusesATokenWithoutADepartment() {
		CertificateType type = personType(department(), null);
		MvcTestResult result = post("/api/certificates", this.gateway.withScopes(AUDIENCE, "certificate.issue"),
				request(type, idNumber()));
		assertProblem(result, HttpStatus.FORBIDDEN, "NO_DEPARTMENT");
	}

	@Test
	void refusesACallerWithoutAToken() {
		CertificateType type = personType(department(), null);
		assertProblem(post("/api/certificates", null, request(type, idNumber())), HttpStatus.UNAUTHORIZED,
				"UNAUTHORIZED");
	}

	@Test
	void namesEveryBadFieldOfARequest() {
		CertificateType type = personType(department(), null);
		Map<String, Object> request = request(type, "330106199005150011");
		request.put("holder", Map.of("kind", "ENTITY", "idNumber", "330106199005150011", "name", ""));
		request.put("fields", Map.of("address", 12, "colour", "red"));
		request.put("validFrom", "2026-01-01");
		request.put("alg", "RS256");
		MvcTestResult result = post("/api/certificates", issuerSystem(type.issuerDepartmentCode()), request);
		assertInvalid(result, "holder.kind", "holder.idNumber", "holder.name", "fields.name", "fields.address",
				"fields.colour", "validFrom", "alg");
	}

	@Test
	void refusesAnInvalidResidentIdNumberAndAnEndBeforeTheStart() {
		CertificateType type = personType(department(), null);
		Map<String, Object> request = request(type, "330106199005150012");
		request.put("validUntil", this.clock.instant().minus(2, ChronoUnit.DAYS).toString());
		MvcTestResult result = post("/api/certificates", issuerSystem(type.issuerDepartmentCode()), request);
		assertInvalid(result, "holder.idNumber", "validUntil");
	}

	@Test
	void refusesAnUnknownType() {
		Map<String, Object> request = request(personType(department(), null), idNumber());
		request.put("typeCode", department() + "999");
		assertInvalid(post("/api/certificates", issuerSystem(department()), request), "typeCode");
	}

}
