package org.shutong.certificate.verification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.Sm3;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.rendering.QrPayload;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Verifies a QR payload: the issuer's signature over the statement with the key that was
 * signing when the QR was made, the statement's binding to the stored document, then the
 * certificate's status and dates as for the certificate itself.
 */
@Service
public class QrVerification {

	private final CertificateVerifier verifier;

	private final CertificateStore store;

	private final Verification verification;

	QrVerification(CertificateVerifier verifier, CertificateStore store, Verification verification) {
		this.verifier = verifier;
		this.store = store;
		this.verification = verification;
	}

	public Verification.Result verify(String text) {
		QrPayload payload = QrPayload.parse(text)
			.orElseThrow(() -> invalid("must be a Shutong QR payload (" + QrPayload.PREFIX
					+ "<base64url statement>.<base64url signature>)"));
		JsonNode statement = payload.json();
		String id = statement.path("id").asString("");
		String issuer = statement.path("issuerDepartmentCode").asString("");
		Instant signedAt = signedAt(statement);
		VerificationStatus status = this.verifier.check(payload.statement(), statement.path("alg").asString(""),
				statement.path("keyId").asString(""), payload.signature(), issuer, signedAt);
		if (status == VerificationStatus.VALID) {
			StoredCertificate stored = this.store.find(id)
				.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + id));
			String digest = Sm3.hex(stored.document().getBytes(StandardCharsets.UTF_8));
			status = digest.equals(statement.path("documentDigest").asString(""))
					? this.verification.statusOf(Optional.of(stored.status()), stored.validFrom(), stored.validUntil())
					: VerificationStatus.BAD_SIGNATURE;
		}
		return this.verification.result(status, id, statement.path("typeCode").asString(null), issuer,
				statement.path("holderNameMasked").asString(null));
	}

	private static Instant signedAt(JsonNode statement) {
		try {
			return Instant.parse(statement.path("signedAt").asString(""));
		}
		catch (DateTimeParseException ex) {
			throw invalid("names no time it was signed (signedAt)");
		}
	}

	private static ProblemException invalid(String message) {
		return new ProblemException(PlatformProblem.INVALID_REQUEST,
				Problems.invalid("The QR payload cannot be verified", List.of(new FieldError("qr", message))));
	}

}
