package org.shutong.certificate.verification.web;

import org.shutong.certificate.verification.AnnotatedCopyVerification;
import org.shutong.certificate.verification.QrVerification;
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

	private final QrVerification qr;

	private final AnnotatedCopyVerification copies;

	VerificationController(Verification verification, QrVerification qr, AnnotatedCopyVerification copies) {
		this.verification = verification;
		this.qr = qr;
		this.copies = copies;
	}

	/**
	 * @param body a certificate's JSON as returned, {@code {"qr": "<payload>"}}, or an
	 * annotated copy
	 */
	@PostMapping("/api/verify")
	Object verify(@RequestBody JsonNode body) {
		if (!body.isObject()) {
			throw new ProblemException(PlatformProblem.MALFORMED_BODY,
					"The body must be a certificate's JSON, an annotated copy or {\"qr\": \"...\"}");
		}
		if (body.has("qr")) {
			return this.qr.verify(body.path("qr").asString(""));
		}
		if (AnnotatedCopyVerification.isCopy(body)) {
			return this.copies.verify(body);
		}
		return this.verification.verify(body);
	}

	@GetMapping("/api/verify/{id}")
	Verification.Result status(@PathVariable String id) {
		return this.verification.status(id)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + id));
	}

}
