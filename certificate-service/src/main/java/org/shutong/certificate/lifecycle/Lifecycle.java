package org.shutong.certificate.lifecycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.issuance.CertificateStatus;
import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.type.HolderKind;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revocation, suspension and resumption by the issuing department, each recorded in the
 * certificate's status history and audited in the same transaction.
 */
@Service
public class Lifecycle {

	private final CertificateStore store;

	private final JdbcTemplate jdbc;

	private final CertificateAudit audit;

	private final Clock clock;

	Lifecycle(CertificateStore store, JdbcTemplate jdbc, CertificateAudit audit, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public StoredCertificate change(Caller caller, String id, Transition transition, String reason) {
		StoredCertificate certificate = this.store.lock(id)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + id));
		if (caller.departmentCode() == null || !caller.departmentCode().equals(certificate.issuerDepartmentCode())) {
			throw new ProblemException(CertificateProblem.NOT_ISSUER,
					"Only the issuing department changes a certificate's status");
		}
		CertificateStatus current = certificate.statusAt(this.clock);
		if (!transition.allowedFrom(current)) {
			throw new ProblemException(CertificateProblem.ILLEGAL_TRANSITION,
					"A " + current + " certificate cannot be changed by " + transition);
		}
		this.store.updateStatus(id, transition.to());
		String person = AuditEvent.Actor.of(caller).userId();
		this.jdbc.update("""
				INSERT INTO certificate_status_change (certificate_id, from_status, to_status, reason, actor_department,
				actor_client, actor_user, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, current.name(),
				transition.to().name(), reason, caller.departmentCode(), caller.clientId(), person,
				Timestamp.from(this.clock.instant()));
		this.audit.certificate(transition.auditAction(), caller, id, certificate.holderKind() == HolderKind.ENTITY,
				certificate.holderReference(),
				Map.of("typeCode", certificate.typeCode(), "from", current.name(), "to", transition.to().name()));
		return certificate.withStatus(transition.to());
	}

}
