package org.shutong.certificate.key.web;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.key.IssuerKeys;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.PublishedKey;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;
import org.shutong.platform.security.Roles;
import org.shutong.platform.security.Scopes;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issuers' public keys for anyone verifying offline, and their rotation.
 */
@RestController
class IssuerKeyController {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final IssuerKeys keys;

	IssuerKeyController(IssuerKeys keys) {
		this.keys = keys;
	}

	/** Public: listed in {@code shutong.security.public-paths}. */
	@GetMapping("/api/certificates/issuers/{departmentCode}/keys")
	Map<String, List<KeyView>> published(@PathVariable String departmentCode) {
		return Map.of("keys", this.keys.published(departmentCode).stream().map(KeyView::of).toList());
	}

	@PostMapping("/api/certificates/issuers/{departmentCode}/keys/rotation")
	@PreAuthorize("hasAnyAuthority('SCOPE_admin','SCOPE_certificate.issue') or hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	KeyView rotate(Caller caller, @PathVariable String departmentCode,
			@RequestBody(required = false) @Nullable Rotation rotation) {
		boolean admin = caller.hasScope(Scopes.ADMIN) || caller.hasRole(Roles.ADMIN);
		if (!admin && !departmentCode.equals(caller.departmentCode())) {
			throw new ProblemException(CertificateProblem.NOT_ISSUER,
					"Only the department itself or an administrator rotates its keys");
		}
		if (!CreditCode.isValid(departmentCode)) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The department code is not valid",
							List.of(new FieldError("departmentCode", "must be a unified social credit code"))));
		}
		String name = (rotation != null && rotation.algorithm() != null) ? rotation.algorithm()
				: KeyAlgorithm.SM2.curve();
		KeyAlgorithm algorithm = KeyAlgorithm.byCurveOrName(name)
			.orElseThrow(() -> new ProblemException(PlatformProblem.INVALID_REQUEST, Problems
				.invalid("Unknown algorithm", List.of(new FieldError("algorithm", "must be SM2 or P-256")))));
		return KeyView.of(this.keys.rotate(caller, departmentCode, algorithm));
	}

	record Rotation(@Nullable String algorithm) {
	}

	/** A JWK (RFC 7517) with the key's validity. */
	record KeyView(String kty, String kid, String crv, String x, String y, String use, String alg, String status,
			Instant notBefore, @Nullable Instant retiredAt) {

		static KeyView of(PublishedKey key) {
			byte[][] xy = key.coordinates();
			return new KeyView("EC", key.keyId(), key.algorithm().curve(), BASE64URL.encodeToString(xy[0]),
					BASE64URL.encodeToString(xy[1]), "sig", key.algorithm().signatureName(),
					(key.retiredAt() == null) ? "CURRENT" : "RETIRED", key.notBefore(), key.retiredAt());
		}

	}

}
