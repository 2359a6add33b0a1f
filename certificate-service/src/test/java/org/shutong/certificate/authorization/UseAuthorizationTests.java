package org.shutong.certificate.authorization;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class UseAuthorizationTests extends CertificateTest {

	private static final String SERVICE_ITEM = "330100-MZ-0012";

	@Test
	void holderAuthorisesSeesAndWithdrawsEachChangeAudited() {
		String idNumber = idNumber();
		String user = department();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		Instant until = this.clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

		MvcTestResult authorized = authorize(citizen(idNumber), id, use(user, until));

		assertThat(authorized).hasStatus(HttpStatus.CREATED);
		String authorization = read(authorized, "$.id");
		assertThat(authorized).headers().hasValue("Location", "/api/certificates/authorizations/" + authorization);
		assertThat(authorized).bodyJson().isLenientlyEqualTo("""
				{"certificateId": "%s", "departmentCode": "%s", "serviceItemCode": "%s", "validUntil": "%s",
				 "withdrawnAt": null, "status": "ACTIVE"}""".formatted(id, user, SERVICE_ITEM, until));
		assertThat(mine(idNumber)).bodyJson()
			.extractingPath("$.items[?(@.id == '%s')].status".formatted(authorization))
			.asArray()
			.containsExactly("ACTIVE");

		MvcTestResult withdrawn = withdraw(citizen(idNumber), authorization);
		assertThat(withdrawn).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("WITHDRAWN");
		assertProblem(withdraw(citizen(idNumber), authorization), HttpStatus.CONFLICT, "AUTHORIZATION_ENDED");
		assertThat(mine(idNumber)).bodyJson()
			.extractingPath("$.items[?(@.id == '%s')].status".formatted(authorization))
			.asArray()
			.containsExactly("WITHDRAWN");

		assertThat(auditEvents(id)).extracting(AuditEvent::action)
			.containsExactly("certificate.issue", "certificate.authorization.grant",
					"certificate.authorization.withdraw");
		AuditEvent granted = auditEvents(id).get(1);
		assertThat(granted.subject().reference()).isEqualTo(holderReference(idNumber));
		assertThat(granted.details()).containsEntry("authorizationId", authorization)
			.containsEntry("departmentCode", user)
			.containsEntry("serviceItemCode", SERVICE_ITEM)
			.containsEntry("validUntil", until.toString());
		assertThat(granted.actor().clientId()).isEqualTo("shutong-cli");
	}

	@Test
	void anAuthorisationPastItsTimeIsExpiredAndCannotBeWithdrawn() {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		String authorization = read(
				authorize(citizen(idNumber), id, use(department(), this.clock.instant().plus(Duration.ofHours(1)))),
				"$.id");

		this.clock.advance(Duration.ofHours(2));

		assertThat(mine(idNumber)).bodyJson()
			.extractingPath("$.items[?(@.id == '%s')].status".formatted(authorization))
			.asArray()
			.containsExactly("EXPIRED");
		assertProblem(withdraw(citizen(idNumber), authorization), HttpStatus.CONFLICT, "AUTHORIZATION_ENDED");
	}

	@Test
	void onlyTheHolderAuthorisesOrWithdrawsAndNothingIsStoredOnRefusal() {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		Map<String, Object> use = use(department(), this.clock.instant().plus(Duration.ofDays(1)));
		String authorization = read(authorize(citizen(idNumber), id, use), "$.id");

		assertProblem(authorize(citizen(idNumber()), id, use), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(withdraw(citizen(idNumber()), authorization), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(authorize(citizen(idNumber), id + "X", use), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(authorize(this.gateway.withRole(AUDIENCE, "CITIZEN"), id, use), HttpStatus.FORBIDDEN,
				"NO_HOLDER");
		assertProblem(authorize(issuerSystem(type.issuerDepartmentCode()), id, use), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(withdraw(issuerSystem(type.issuerDepartmentCode()), authorization), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertThat(authorize(null, id, use)).hasStatus(HttpStatus.UNAUTHORIZED);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM use_authorization WHERE certificate_id = ?",
				Integer.class, id))
			.isEqualTo(1);
		assertThat(mine(idNumber)).bodyJson()
			.extractingPath("$.items[?(@.id == '%s')].status".formatted(authorization))
			.asArray()
			.containsExactly("ACTIVE");
	}

	@Test
	void namesEveryBadFieldAndRefusesAnUnusableCertificate() {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");

		assertInvalid(authorize(citizen(idNumber), id,
				Map.of("departmentCode", "113301000024821009", "serviceItemCode", "办事", "validUntil", "tomorrow")),
				"departmentCode", "serviceItemCode", "validUntil");
		assertInvalid(authorize(citizen(idNumber), id, Map.of()), "departmentCode", "serviceItemCode", "validUntil");
		assertInvalid(authorize(citizen(idNumber), id, use(department(), this.clock.instant().minusSeconds(1))),
				"validUntil");
		assertInvalid(
				authorize(citizen(idNumber), id, use(department(), this.clock.instant().plus(Duration.ofDays(367)))),
				"validUntil");

		assertThat(post("/api/certificates/" + id + "/revocation", issuerSystem(type.issuerDepartmentCode()),
				Map.of("reason", "证件信息有误")))
			.hasStatusOk();
		assertProblem(
				authorize(citizen(idNumber), id, use(department(), this.clock.instant().plus(Duration.ofDays(1)))),
				HttpStatus.CONFLICT, "CERTIFICATE_NOT_USABLE");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM use_authorization WHERE certificate_id = ?",
				Integer.class, id))
			.isZero();
		assertThat(auditEvents(id)).extracting(AuditEvent::action)
			.containsExactly("certificate.issue", "certificate.revoke");
	}

	private Map<String, Object> use(String department, Instant until) {
		return Map.of("departmentCode", department, "serviceItemCode", SERVICE_ITEM, "validUntil", until.toString());
	}

	private MvcTestResult authorize(String token, String id, Map<String, Object> body) {
		return post("/api/certificates/" + id + "/authorizations", token, body);
	}

	private MvcTestResult withdraw(String token, String authorization) {
		var request = this.mvc.delete().uri("/api/certificates/authorizations/" + authorization);
		return request.header("Authorization", "Bearer " + token).exchange();
	}

	private MvcTestResult mine(String idNumber) {
		MvcTestResult mine = get("/api/certificates/authorizations/mine", citizen(idNumber));
		assertThat(mine).hasStatusOk();
		return mine;
	}

}
