package org.shutong.certificate.issuance;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditPublisher;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

/**
 * An audit event is stored in the transaction of its change: when it cannot be stored,
 * the certificate is neither issued nor revoked.
 */
class AuditTransactionTests extends CertificateTest {

	@MockitoSpyBean
	private AuditPublisher publisher;

	@Test
	void aCertificateWhoseAuditEventCannotBeStoredIsNotIssued() {
		CertificateType type = personType(department(), null);
		doThrow(new IllegalStateException("outbox unavailable")).when(this.publisher)
			.publish(argThat(action("certificate.issue")));

		assertProblem(post("/api/certificates", issuerSystem(type.issuerDepartmentCode()), request(type, idNumber())),
				HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE type_code = ?", Integer.class,
				type.code()))
			.isZero();
		// The serial was given back with the rollback.
		assertThat(this.jdbc.queryForList("SELECT last_serial FROM certificate_serial WHERE type_code = ?", Long.class,
				type.code()))
			.isEmpty();
	}

	@Test
	void aRevocationWhoseAuditEventCannotBeStoredIsNotMade() {
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber())), "$.id");
		doThrow(new IllegalStateException("outbox unavailable")).when(this.publisher)
			.publish(argThat(action("certificate.revoke")));

		assertProblem(post("/api/certificates/" + id + "/revocation", issuerSystem(type.issuerDepartmentCode()),
				Map.of("reason", "注销")), HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");

		assertThat((String) read(get("/api/verify/" + id, null), "$.status")).isEqualTo("VALID");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate_status_change WHERE certificate_id = ?",
				Integer.class, id))
			.isZero();
	}

	private static ArgumentMatcher<AuditEvent> action(String action) {
		return (event) -> event != null && event.action().equals(action);
	}

}
