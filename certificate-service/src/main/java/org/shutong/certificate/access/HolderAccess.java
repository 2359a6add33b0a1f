package org.shutong.certificate.access;

import java.util.List;
import java.util.Map;

import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.authorization.HolderCheck;
import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.type.HolderKind;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;
import org.shutong.platform.security.Roles;
import org.shutong.platform.security.Scopes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holder's and the issuer's own views of a certificate. Each view is audited, and the
 * event is stored before the certificate leaves: the transaction commits first.
 */
@Service
public class HolderAccess {

	/** How a certificate was shown, recorded in the audit event. */
	public enum Format {

		JSON, PDF, QR

	}

	private final CertificateStore store;

	private final CertificateAudit audit;

	HolderAccess(CertificateStore store, CertificateAudit audit) {
		this.store = store;
		this.audit = audit;
	}

	@Transactional
	public List<StoredCertificate> mine(Caller caller) {
		String holder = HolderCheck.holder(caller);
		List<StoredCertificate> certificates = this.store.findByHolder(holder);
		this.audit.certificate(CertificateAudit.LIST, caller, "certificate:mine", false, holder,
				Map.of("count", certificates.size()));
		return certificates;
	}

	/**
	 * The certificate, for its holder or its issuing department; anyone else is told it
	 * does not exist, so ids cannot be probed.
	 */
	@Transactional
	public StoredCertificate open(Caller caller, String id, Format format) {
		StoredCertificate certificate = this.store.find(id).orElseThrow(() -> notFound(id));
		String as;
		if (certificate.holderReference().equals(caller.holder())) {
			as = "HOLDER";
		}
		else if (isIssuer(caller, certificate)) {
			as = "ISSUER";
		}
		else {
			throw notFound(id);
		}
		this.audit.certificate(CertificateAudit.READ, caller, id, certificate.holderKind() == HolderKind.ENTITY,
				certificate.holderReference(),
				Map.of("typeCode", certificate.typeCode(), "format", format.name(), "as", as));
		return certificate;
	}

	private static boolean isIssuer(Caller caller, StoredCertificate certificate) {
		return certificate.issuerDepartmentCode().equals(caller.departmentCode())
				&& (caller.hasScope(Scopes.CERTIFICATE_ISSUE) || caller.hasScope(Scopes.CERTIFICATE_READ)
						|| caller.hasRole(Roles.DEPT_OPERATOR));
	}

	private static ProblemException notFound(String id) {
		return new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + id);
	}

}
