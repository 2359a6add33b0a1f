package org.shutong.certificate.verification.web;

import org.shutong.certificate.verification.Verification;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public verification (listed in {@code shutong.security.public-paths}): anyone may check
 * a certificate.
 */
@RestController
class VerificationController {

	private final Verification verification;

	VerificationController(Verification verification) {
		this.verification = verification;
	}

	@PostMapping("/api/verify")
	Verification.Result verify(@RequestBody JsonNode certificate) {
		if (!certificate.isObject()) {
			throw new ProblemException(PlatformProblem.MALFORMED_BODY, "The body must be a certificate's JSON");
		}
		return this.verification.verify(certificate);
	}

	@GetMapping("/api/verify/{id}")
	Verification.Result status(@PathVariable String id) {
		return this.verification.status(id)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + id));
	}

}
