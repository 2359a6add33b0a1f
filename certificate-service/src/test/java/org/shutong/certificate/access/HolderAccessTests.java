package org.shutong.certificate.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class HolderAccessTests extends CertificateTest {

	@Test
	void aHolderListsOnlyTheirOwnCertificatesWithTheirStatus() {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String first = read(issue(type, request(type, idNumber)), "$.id");
		String second = read(issue(type, request(type, idNumber)), "$.id");
		String someoneElses = read(issue(type, request(type, idNumber())), "$.id");
		assertThat(post("/api/certificates/" + second + "/suspension", issuerSystem(type.issuerDepartmentCode()),
				Map.of("reason", "核查中")))
			.hasStatusOk();

		MvcTestResult mine = get("/api/certificates/mine", citizen(idNumber));

		assertThat(mine).hasStatusOk();
		assertThat(mine).bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(first, second);
		assertThat(mine).bodyJson().extractingPath("$.items[*].status").asArray().containsExactly("VALID", "SUSPENDED");
		assertThat(body(mine)).doesNotContain(someoneElses).doesNotContain(idNumber);
		assertThat(auditEvents("certificate:mine"))
			.filteredOn((event) -> event.subject().reference().equals(holderReference(idNumber)))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.action()).isEqualTo("certificate.list");
				assertThat(event.details()).containsEntry("count", 2);
			});
	}

	@Test
	void aCertificateOpensForItsHolderAndIssuerOnlyEachViewAudited() {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String issued = issue(type, request(type, idNumber));
		String id = read(issued, "$.id");

		MvcTestResult byHolder = get("/api/certificates/" + id, citizen(idNumber));
		assertThat(byHolder).hasStatusOk().bodyJson().isLenientlyEqualTo(issued);
		assertThat(get("/api/certificates/" + id, issuerSystem(type.issuerDepartmentCode()))).hasStatusOk();

		assertProblem(get("/api/certificates/" + id, citizen(idNumber())), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(get("/api/certificates/" + id, issuerSystem(department())), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(get("/api/certificates/" + id, system(type.issuerDepartmentCode(), "catalog.read")),
				HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(get("/api/certificates/" + id + "0", citizen(idNumber)), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertThat(get("/api/certificates/" + id, null)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertProblem(get("/api/certificates/mine", issuerSystem(type.issuerDepartmentCode())), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertProblem(get("/api/certificates/mine", this.gateway.withRole(AUDIENCE, "CITIZEN")), HttpStatus.FORBIDDEN,
				"NO_HOLDER");

		List<AuditEvent> reads = auditEvents(id).stream()
			.filter((event) -> event.action().equals("certificate.read"))
			.toList();
		assertThat(reads).extracting((event) -> event.details().get("as")).containsExactly("HOLDER", "ISSUER");
		assertThat(reads).allSatisfy((event) -> {
			assertThat(event.subject().reference()).isEqualTo(holderReference(idNumber));
			assertThat(event.details()).containsEntry("format", "JSON");
		});
	}

}
