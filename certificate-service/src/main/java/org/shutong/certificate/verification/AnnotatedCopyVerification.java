package org.shutong.certificate.verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.access.AnnotatedCopies;
import org.shutong.certificate.issuance.CanonicalJson;
import org.shutong.certificate.issuance.HolderNames;
import org.shutong.certificate.issuance.Sm3;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Verifies an annotated copy (加注件): the platform's signature over the annotation, the
 * annotation's binding to the certificate's signed bytes, then the certificate's status
 * and dates as for the original, and the copy's own time of use.
 */
@Service
public class AnnotatedCopyVerification {

	private final CertificateVerifier verifier;

	private final Verification verification;

	private final AnnotatedCopies copies;

	private final Clock clock;

	AnnotatedCopyVerification(CertificateVerifier verifier, Verification verification, AnnotatedCopies copies,
			Clock clock) {
		this.verifier = verifier;
		this.verification = verification;
		this.copies = copies;
		this.clock = clock;
	}

	/** What the copy says of its use, as its annotation states it. */
	public record Copy(String departmentCode, String serviceItemCode, String purpose, Instant takenAt,
			Instant usableUntil) {
	}

	public record Result(boolean valid, VerificationStatus status, String certificateId, @Nullable String typeCode,
			@Nullable String issuerDepartmentCode, @Nullable String holderNameMasked, Instant checkedAt,
			@Nullable Copy copy) {
	}

	public static boolean isCopy(JsonNode body) {
		return body.has("annotation");
	}

	public Result verify(JsonNode copy) {
		Fields fields = new Fields();
		JsonNode certificate = copy.path("certificate");
		JsonNode annotation = copy.path("annotation");
		JsonNode signature = copy.path("annotationSignature");
		String id = fields.text(certificate, "id", "certificate.id");
		String certificateAlg = fields.text(certificate.path("signature"), "alg", "certificate.signature.alg");
		String certificateKey = fields.text(certificate.path("signature"), "keyId", "certificate.signature.keyId");
		String boundId = fields.text(annotation, "certificateId", "annotation.certificateId");
		String digest = fields.text(annotation, "certificateDigest", "annotation.certificateDigest");
		Instant takenAt = fields.instant(annotation, "takenAt", "annotation.takenAt");
		Instant usableUntil = fields.instant(annotation, "usableUntil", "annotation.usableUntil");
		String alg = fields.text(signature, "alg", "annotationSignature.alg");
		String keyId = fields.text(signature, "keyId", "annotationSignature.keyId");
		String signer = fields.text(signature, "signerCode", "annotationSignature.signerCode");
		byte[] der = fields.base64(signature, "value", "annotationSignature.value");
		fields.throwIfAny();

		VerificationStatus status = signer.equals(this.copies.platformCode())
				? this.verifier.check(CanonicalJson.bytes(annotation), alg, keyId, der, signer, takenAt)
				: VerificationStatus.UNKNOWN_KEY;
		byte[] signedBytes = CanonicalJson
			.bytes(CanonicalJson.signedDocument(certificate, certificateAlg, certificateKey));
		if (status == VerificationStatus.VALID && (!boundId.equals(id) || !digest.equals(Sm3.hex(signedBytes)))) {
			status = VerificationStatus.BAD_SIGNATURE;
		}
		if (status == VerificationStatus.VALID) {
			status = this.verification.status(id)
				.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + id))
				.status();
		}
		if (status == VerificationStatus.VALID && !this.clock.instant().isBefore(usableUntil)) {
			status = VerificationStatus.EXPIRED;
		}
		Copy use = new Copy(annotation.path("departmentCode").asString(""),
				annotation.path("serviceItemCode").asString(""), annotation.path("purpose").asString(""), takenAt,
				usableUntil);
		return new Result(status == VerificationStatus.VALID, status, id, certificate.path("typeCode").asString(null),
				certificate.path("issuerDepartmentCode").asString(null),
				HolderNames.masked(certificate.path("holder").path("name").asString(null)), this.clock.instant(), use);
	}

	/** Reads the members a copy needs, collecting every missing or bad one. */
	private static final class Fields {

		private final List<FieldError> errors = new ArrayList<>();

		String text(JsonNode node, String name, String path) {
			JsonNode value = node.path(name);
			if (!value.isString()) {
				this.errors.add(new FieldError(path, "is required"));
				return "";
			}
			return value.stringValue();
		}

		Instant instant(JsonNode node, String name, String path) {
			String text = text(node, name, path);
			try {
				return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				this.errors.add(new FieldError(path, "must be a UTC time (ISO-8601)"));
				return Instant.EPOCH;
			}
		}

		byte[] base64(JsonNode node, String name, String path) {
			try {
				return Base64.getDecoder().decode(text(node, name, path).getBytes(StandardCharsets.US_ASCII));
			}
			catch (IllegalArgumentException ex) {
				this.errors.add(new FieldError(path, "must be base64"));
				return new byte[0];
			}
		}

		void throwIfAny() {
			if (!this.errors.isEmpty()) {
				throw new ProblemException(PlatformProblem.INVALID_REQUEST,
						Problems.invalid("The annotated copy cannot be verified", this.errors));
			}
		}

	}

}
