package org.shutong.certificate.issuance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuance as callers ask for it: one certificate, or many checked one by one, a bad one
 * reported without failing the rest.
 */
@Service
public class IssuanceRequests {

	private final IssueRequests requests;

	private final CertificateTypeRepository types;

	private final Issuance issuance;

	IssuanceRequests(IssueRequests requests, CertificateTypeRepository types, Issuance issuance) {
		this.requests = requests;
		this.types = types;
		this.issuance = issuance;
	}

	@Transactional
	public StoredCertificate issueOne(Caller caller, JsonNode request) {
		IssueDraft draft = draft(caller, request, new HashMap<>());
		return this.issuance.issue(caller, List.of(draft)).get(0);
	}

	/**
	 * Checks one request: its draft, or a {@link ProblemException} saying what refuses
	 * it.
	 * @param types the types seen so far (in a batch), by code
	 */
	public IssueDraft draft(Caller caller, JsonNode request, Map<String, Optional<CertificateType>> types) {
		if (caller.departmentCode() == null) {
			throw new ProblemException(CertificateProblem.NO_DEPARTMENT, "The token names no department");
		}
		CertificateType type = this.requests.type(request, (code) -> types.computeIfAbsent(code, this.types::findById))
			.orElse(null);
		if (type != null && !type.issuerDepartmentCode().equals(caller.departmentCode())) {
			throw new ProblemException(CertificateProblem.NOT_ISSUER,
					"Only department " + type.issuerDepartmentCode() + " issues certificates of type " + type.code());
		}
		IssueRequests.Checked checked = this.requests.check(request, type);
		if (checked.draft() == null) {
			ProblemDetail problem = Problems.invalid("The certificate request is not valid", checked.errors());
			throw new ProblemException(PlatformProblem.INVALID_REQUEST, problem);
		}
		return checked.draft();
	}

	@Transactional
	public List<StoredCertificate> issueChecked(Caller caller, List<IssueDraft> drafts) {
		return this.issuance.issue(caller, drafts);
	}

}
