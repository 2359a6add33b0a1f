package org.shutong.certificate.lifecycle.web;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.issuance.CertificateDocuments;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.lifecycle.Lifecycle;
import org.shutong.certificate.lifecycle.Transition;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuer's system or operator revokes, suspends and resumes its certificates.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_certificate.issue') or hasRole('DEPT_OPERATOR')")
class LifecycleController {

	private final Lifecycle lifecycle;

	private final Clock clock;

	LifecycleController(Lifecycle lifecycle, Clock clock) {
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@PostMapping("/api/certificates/{id}/revocation")
	JsonNode revoke(Caller caller, @PathVariable String id, @RequestBody Reason reason) {
		return change(caller, id, Transition.REVOKE, reason);
	}

	@PostMapping("/api/certificates/{id}/suspension")
	JsonNode suspend(Caller caller, @PathVariable String id, @RequestBody Reason reason) {
		return change(caller, id, Transition.SUSPEND, reason);
	}

	@PostMapping("/api/certificates/{id}/resumption")
	JsonNode resume(Caller caller, @PathVariable String id, @RequestBody Reason reason) {
		return change(caller, id, Transition.RESUME, reason);
	}

	private JsonNode change(Caller caller, String id, Transition transition, Reason reason) {
		if (reason.reason() == null || reason.reason().isBlank() || reason.reason().length() > 500) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST, Problems.invalid("A reason is required",
					List.of(new FieldError("reason", "must be 1 to 500 characters"))));
		}
		StoredCertificate changed = this.lifecycle.change(caller, id, transition, reason.reason());
		return CertificateDocuments.view(changed, changed.statusAt(this.clock));
	}

	record Reason(@Nullable String reason) {
	}

}
