package org.shutong.certificate.lifecycle;

import java.util.Set;

import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.issuance.CertificateStatus;

/**
 * The changes an issuer may make to a certificate's status, and from which statuses. An
 * expired certificate may still be revoked, but no longer suspended or resumed.
 */
public enum Transition {

	REVOKE(Set.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED, CertificateStatus.EXPIRED),
			CertificateStatus.REVOKED, CertificateAudit.REVOKE),

	SUSPEND(Set.of(CertificateStatus.VALID), CertificateStatus.SUSPENDED, CertificateAudit.SUSPEND),

	RESUME(Set.of(CertificateStatus.SUSPENDED), CertificateStatus.VALID, CertificateAudit.RESUME);

	private final Set<CertificateStatus> from;

	private final CertificateStatus to;

	private final String auditAction;

	Transition(Set<CertificateStatus> from, CertificateStatus to, String auditAction) {
		this.from = from;
		this.to = to;
		this.auditAction = auditAction;
	}

	boolean allowedFrom(CertificateStatus status) {
		return this.from.contains(status);
	}

	CertificateStatus to() {
		return this.to;
	}

	String auditAction() {
		return this.auditAction;
	}

}
