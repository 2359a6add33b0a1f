package org.shutong.certificate.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.authorization.UseAuthorization;
import org.shutong.certificate.authorization.UseAuthorizations;
import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A department takes a holder's certificates for a service item: only those a live use
 * authorisation of the holder covers, each as an annotated copy and each audited with the
 * use cause. A refusal is audited too, and its event is stored before the refusal is
 * answered.
 */
@Service
public class DepartmentFetch {

	private final CertificateStore store;

	private final UseAuthorizations authorizations;

	private final AnnotatedCopies copies;

	private final HolderReferences holderReferences;

	private final CertificateAudit audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DepartmentFetch(CertificateStore store, UseAuthorizations authorizations, AnnotatedCopies copies,
			HolderReferences holderReferences, CertificateAudit audit, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.authorizations = authorizations;
		this.copies = copies;
		this.holderReferences = holderReferences;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	public List<ObjectNode> fetch(Caller caller, FetchRequest request) {
		String department = caller.departmentCode();
		if (department == null || !CreditCode.isValid(department)) {
			throw new ProblemException(CertificateProblem.NO_DEPARTMENT,
					"Only a department's system or operator uses certificates; the token names no department");
		}
		String holder = request.entity() ? this.holderReferences.of(new CreditCode(request.holderIdNumber()))
				: this.holderReferences.of(new ResidentIdNumber(request.holderIdNumber()));
		List<ObjectNode> taken = this.transactions.execute((status) -> take(caller, department, holder, request));
		if (taken.isEmpty()) {
			throw new ProblemException(CertificateProblem.NO_AUTHORIZATION,
					"No use authorisation of the holder covers this department and service item");
		}
		return taken;
	}

	private List<ObjectNode> take(Caller caller, String department, String holder, FetchRequest request) {
		List<ObjectNode> taken = new ArrayList<>();
		for (StoredCertificate certificate : this.store.findByHolder(holder)) {
			if (request.typeCode() != null && !request.typeCode().equals(certificate.typeCode())) {
				continue;
			}
			Optional<UseAuthorization> authorization = this.authorizations.live(certificate.id(), department,
					request.serviceItemCode());
			if (authorization.isPresent()) {
				this.audit.use(CertificateAudit.FETCH, AuditOutcome.SUCCESS, caller, request.entity(), holder,
						certificate.id(), request.serviceItemCode(), request.purpose(),
						Map.of("typeCode", certificate.typeCode(), "authorizationId", authorization.get().id()));
				taken.add(this.copies.annotate(certificate, certificate.statusAt(this.clock), authorization.get(),
						caller, request.purpose()));
			}
		}
		if (taken.isEmpty()) {
			String resource = (request.typeCode() != null) ? request.typeCode() : "certificate";
			this.audit.use(CertificateAudit.FETCH, AuditOutcome.DENIED, caller, request.entity(), holder, resource,
					request.serviceItemCode(), request.purpose(),
					Map.of("problem", CertificateProblem.NO_AUTHORIZATION.name()));
		}
		return taken;
	}

}
