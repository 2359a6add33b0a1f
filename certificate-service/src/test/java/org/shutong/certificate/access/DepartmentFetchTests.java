package org.shutong.certificate.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.verification.AnnotatedCopyVerification;
import org.shutong.certificate.verification.VerificationStatus;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentFetchTests extends CertificateTest {

	private static final String SERVICE_ITEM = "330100-MZ-0012";

	private static final String PURPOSE = "办理最低生活保障资格认定";

	@Autowired
	private AnnotatedCopyVerification copies;

	@Test
	void aDepartmentTakesWhatTheHolderAuthorisedAsAnAnnotatedCopy() {
		String idNumber = idNumber();
		String user = department();
		CertificateType type = personType(department(), null);
		String original = issue(type, request(type, idNumber));
		String id = read(original, "$.id");
		issue(type, request(type, idNumber));
		String authorization = authorize(idNumber, id, user, SERVICE_ITEM);

		MvcTestResult fetched = fetch(reader(user), idNumber, type.code(), SERVICE_ITEM, PURPOSE);

		assertThat(fetched).hasStatusOk();
		assertThat(fetched).bodyJson().extractingPath("$.items[*].certificate.id").asArray().containsExactly(id);
		assertThat(fetched).bodyJson()
			.isLenientlyEqualTo("""
					{"items": [{"annotation": {"certificateId": "%s", "departmentCode": "%s", "clientId": "system-%s",
					  "serviceItemCode": "%s", "purpose": "%s", "authorizationId": "%s"},
					  "annotationSignature": {"alg": "SM2-SM3", "signerCode": "11330100MB0000000N"}}]}""".formatted(id,
					user, user, SERVICE_ITEM, PURPOSE, authorization));
		assertThat(fetched).bodyJson().doesNotHavePath("$.items[0].certificate.signature.value");
		assertThat(body(fetched)).doesNotContain(idNumber);

		ObjectNode copy = (ObjectNode) this.json.readTree(body(fetched)).path("items").get(0);
		AnnotatedCopyVerification.Result verified = this.copies.verify(copy);
		assertThat(verified.status()).isEqualTo(VerificationStatus.VALID);
		assertThat(verified.copy().departmentCode()).isEqualTo(user);
		assertThat(verified.copy().purpose()).isEqualTo(PURPOSE);
		((ObjectNode) copy.get("annotation")).put("purpose", "另作他用");
		assertThat(this.copies.verify(copy).status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);

		AuditEvent taken = auditEvents(id).stream()
			.filter((event) -> event.action().equals("certificate.fetch"))
			.findFirst()
			.orElseThrow();
		assertThat(taken.outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(taken.purpose()).isEqualTo(PURPOSE);
		assertThat(taken.serviceItemCode()).isEqualTo(SERVICE_ITEM);
		assertThat(taken.actor().departmentCode()).isEqualTo(user);
		assertThat(taken.subject().reference()).isEqualTo(holderReference(idNumber));
		assertThat(taken.details()).containsEntry("authorizationId", authorization);
	}

	@Test
	void theCopyIsNoOriginalAndLapsesWithItsAuthorisation() {
		String idNumber = idNumber();
		String user = department();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		authorize(idNumber, id, user, SERVICE_ITEM);
		MvcTestResult fetched = fetch(reader(user), idNumber, null, SERVICE_ITEM, PURPOSE);
		ObjectNode copy = (ObjectNode) this.json.readTree(body(fetched)).path("items").get(0);

		assertInvalid(post("/api/verify", null, copy.get("certificate")), "signature.value");

		this.clock.advance(Duration.ofDays(31));
		assertThat(this.copies.verify(copy).status()).isEqualTo(VerificationStatus.EXPIRED);
		assertDenied(fetch(reader(user), idNumber, null, SERVICE_ITEM, PURPOSE), idNumber, "certificate");
	}

	@Test
	void everyDepartmentWithoutALiveAuthorisationIsRefusedAndAudited() {
		String idNumber = idNumber();
		String user = department();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		String authorization = authorize(idNumber, id, user, SERVICE_ITEM);

		assertDenied(fetch(reader(department()), idNumber, type.code(), SERVICE_ITEM, PURPOSE), idNumber, type.code());
		assertDenied(fetch(reader(user), idNumber, type.code(), "330100-GA-0001", PURPOSE), idNumber, type.code());
		assertDenied(fetch(reader(user), idNumber(), type.code(), SERVICE_ITEM, PURPOSE), null, type.code());
		assertDenied(fetch(reader(user), idNumber, type.code() + "9", SERVICE_ITEM, PURPOSE), idNumber,
				type.code() + "9");

		assertThat(this.mvc.delete()
			.uri("/api/certificates/authorizations/" + authorization)
			.header("Authorization", "Bearer " + citizen(idNumber))
			.exchange()).hasStatusOk();
		assertDenied(fetch(reader(user), idNumber, type.code(), SERVICE_ITEM, PURPOSE), idNumber, type.code());
		assertThat(auditEvents(id)).extracting(AuditEvent::action).doesNotContain("certificate.fetch");
	}

	@Test
	void refusesBadParametersTokensWithoutScopeOrDepartment() {
		String user = department();
		assertInvalid(fetch(reader(user), "330106199005010011", "lower-case", "办事", " "), "holderIdNumber", "typeCode",
				"serviceItemCode", "purpose");
		assertInvalid(get("/api/certificates", reader(user)), "holderIdNumber", "serviceItemCode", "purpose");
		assertProblem(fetch(system(user, "catalog.read"), idNumber(), null, SERVICE_ITEM, PURPOSE),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(
				fetch(this.gateway.withScopes(AUDIENCE, "certificate.read"), idNumber(), null, SERVICE_ITEM, PURPOSE),
				HttpStatus.FORBIDDEN, "NO_DEPARTMENT");
		assertThat(fetch(null, idNumber(), null, SERVICE_ITEM, PURPOSE)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private void assertDenied(MvcTestResult result, String idNumber, String resource) {
		assertProblem(result, HttpStatus.FORBIDDEN, "NO_AUTHORIZATION");
		List<AuditEvent> denied = auditEvents(resource).stream()
			.filter((event) -> event.outcome() == AuditOutcome.DENIED)
			.filter((event) -> idNumber == null || event.subject().reference().equals(holderReference(idNumber)))
			.toList();
		assertThat(denied).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.action()).isEqualTo("certificate.fetch");
			assertThat(event.details()).containsEntry("problem", "NO_AUTHORIZATION");
		});
	}

	private String reader(String department) {
		return system(department, "certificate.read");
	}

	private String authorize(String idNumber, String id, String department, String serviceItem) {
		MvcTestResult authorized = post("/api/certificates/" + id + "/authorizations", citizen(idNumber),
				Map.of("departmentCode", department, "serviceItemCode", serviceItem, "validUntil",
						this.clock.instant().plus(Duration.ofDays(30)).toString()));
		assertThat(authorized).hasStatus(HttpStatus.CREATED);
		return read(authorized, "$.id");
	}

	private MvcTestResult fetch(String token, String idNumber, String typeCode, String serviceItem, String purpose) {
		var request = this.mvc.get()
			.uri("/api/certificates")
			.param("holderIdNumber", idNumber)
			.param("serviceItemCode", serviceItem)
			.param("purpose", purpose);
		if (typeCode != null) {
			request.param("typeCode", typeCode);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.exchange();
	}

}
