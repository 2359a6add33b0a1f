package org.shutong.certificate.lifecycle;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTests extends CertificateTest {

	@Test
	void revocationIsSeenByVerificationAtOnce() {
		CertificateType type = personType(department(), null);
		String certificate = issue(type, request(type, idNumber()));
		String id = read(certificate, "$.id");

		MvcTestResult revoked = change(type, id, "revocation", "证件信息有误");

		assertThat(revoked).hasStatusOk();
		assertThat((String) read(revoked, "$.status")).isEqualTo("REVOKED");
		MvcTestResult verified = post("/api/verify", null, certificate);
		assertThat((String) read(verified, "$.status")).isEqualTo("REVOKED");
		assertThat((Boolean) read(verified, "$.valid")).isFalse();
		assertThat((String) read(get("/api/verify/" + id, null), "$.status")).isEqualTo("REVOKED");
	}

	@Test
	void suspendsAndResumesRecordingEachChangeAndAuditingIt() {
		String issuer = department();
		CertificateType type = personType(issuer, null);
		String certificate = issue(type, request(type, idNumber()));
		String id = read(certificate, "$.id");

		assertThat(change(type, id, "suspension", "涉嫌违规，暂停使用")).hasStatusOk();
		assertThat((String) read(post("/api/verify", null, certificate), "$.status")).isEqualTo("SUSPENDED");
		assertThat(change(type, id, "resumption", "核查无误")).hasStatusOk();
		assertThat((String) read(post("/api/verify", null, certificate), "$.status")).isEqualTo("VALID");

		List<Map<String, Object>> history = this.jdbc.queryForList(
				"SELECT from_status, to_status, reason, actor_department, actor_client FROM certificate_status_change"
						+ " WHERE certificate_id = ? ORDER BY id",
				id);
		assertThat(history).extracting((row) -> row.get("from_status") + ">" + row.get("to_status"))
			.containsExactly("VALID>SUSPENDED", "SUSPENDED>VALID");
		assertThat(history.get(0)).containsEntry("reason", "涉嫌违规，暂停使用")
			.containsEntry("actor_department", issuer)
			.containsEntry("actor_client", "system-" + issuer);
		assertThat(auditEvents(id)).extracting(AuditEvent::action)
			.containsExactlyInAnyOrder("certificate.issue", "certificate.suspend", "certificate.resume");
		assertThat(auditEvents(id)).allSatisfy((event) -> assertThat(event.subject().reference()).hasSize(64));
	}

	@Test
	void refusesIllegalTransitions() {
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber())), "$.id");

		assertProblem(change(type, id, "resumption", "无"), HttpStatus.CONFLICT, "ILLEGAL_TRANSITION");
		assertThat(change(type, id, "revocation", "注销")).hasStatusOk();
		assertProblem(change(type, id, "suspension", "暂停"), HttpStatus.CONFLICT, "ILLEGAL_TRANSITION");
		assertProblem(change(type, id, "revocation", "再次注销"), HttpStatus.CONFLICT, "ILLEGAL_TRANSITION");
		assertProblem(change(type, id, "resumption", "恢复"), HttpStatus.CONFLICT, "ILLEGAL_TRANSITION");
	}

	@Test
	void anExpiredCertificateCanBeRevokedButNotSuspended() {
		CertificateType type = personType(department(), null);
		Map<String, Object> request = request(type, idNumber());
		request.put("validUntil", this.clock.instant().plus(1, ChronoUnit.HOURS).toString());
		String id = read(issue(type, request), "$.id");
		this.clock.advance(Duration.ofHours(2));

		assertProblem(change(type, id, "suspension", "暂停"), HttpStatus.CONFLICT, "ILLEGAL_TRANSITION");
		assertThat((String) read(change(type, id, "revocation", "注销"), "$.status")).isEqualTo("REVOKED");
	}

	@Test
	void refusesAnotherDepartment() {
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber())), "$.id");
		MvcTestResult result = post("/api/certificates/" + id + "/revocation", issuerSystem(department()),
				Map.of("reason", "注销"));
		assertProblem(result, HttpStatus.FORBIDDEN, "NOT_ISSUER");
		assertThat((String) read(get("/api/verify/" + id, null), "$.status")).isEqualTo("VALID");
	}

	@Test
	void refusesWithoutTheIssueScopeOrToken() {
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber())), "$.id");
		assertProblem(post("/api/certificates/" + id + "/revocation",
				system(type.issuerDepartmentCode(), "certificate.read"), Map.of("reason", "注销")), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertProblem(post("/api/certificates/" + id + "/revocation", null, Map.of("reason", "注销")),
				HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	@Test
	void requiresAReasonAndAKnownCertificate() {
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber())), "$.id");
		assertInvalid(change(type, id, "revocation", " "), "reason");
		assertProblem(change(type, id + "X", "revocation", "注销"), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	private MvcTestResult change(CertificateType type, String id, String change, String reason) {
		return post("/api/certificates/" + id + "/" + change, issuerSystem(type.issuerDepartmentCode()),
				Map.of("reason", reason));
	}

}
