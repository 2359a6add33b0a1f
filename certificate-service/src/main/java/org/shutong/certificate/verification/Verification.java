package org.shutong.certificate.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.shutong.certificate.issuance.CanonicalJson;
import org.shutong.certificate.issuance.CertificateStatus;
import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.HolderNames;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Public verification of a certificate: signature and issuer key first, then the status
 * the issuer gave it, then its validity dates. Counted, not audited per person.
 */
@Service
public class Verification {

	private final CertificateVerifier verifier;

	private final CertificateStore store;

	private final Clock clock;

	private final Map<VerificationStatus, Counter> counters = new EnumMap<>(VerificationStatus.class);

	Verification(CertificateVerifier verifier, CertificateStore store, Clock clock, MeterRegistry meters) {
		this.verifier = verifier;
		this.store = store;
		this.clock = clock;
		for (VerificationStatus status : VerificationStatus.values()) {
			this.counters.put(status,
					Counter.builder("shutong.certificate.verifications")
						.description("Certificate verifications by outcome")
						.tag("status", status.name())
						.register(meters));
		}
	}

	public record Result(boolean valid, VerificationStatus status, @Nullable String certificateId,
			@Nullable String typeCode, @Nullable String issuerDepartmentCode, @Nullable String holderNameMasked,
			Instant checkedAt) {
	}

	public Result verify(JsonNode certificate) {
		List<FieldError> errors = new ArrayList<>();
		String id = text(certificate, "id", errors);
		String issuer = text(certificate, "issuerDepartmentCode", errors);
		Instant issuedAt = instant(certificate, "issuedAt", errors);
		JsonNode signature = certificate.path("signature");
		String alg = text(signature, "alg", errors, "signature.alg");
		String keyId = text(signature, "keyId", errors, "signature.keyId");
		String value = text(signature, "value", errors, "signature.value");
		byte[] der = decode(value, errors);
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The certificate cannot be verified", errors));
		}
		byte[] canonical = CanonicalJson.bytes(CanonicalJson.signedDocument(certificate, alg, keyId));
		VerificationStatus status = this.verifier.check(canonical, alg, keyId, der, issuer, issuedAt);
		if (status == VerificationStatus.VALID) {
			status = statusOf(this.store.status(id), instantOrNull(certificate, "validFrom"),
					instantOrNull(certificate, "validUntil"));
		}
		String name = certificate.path("holder").path("name").asString(null);
		return result(status, id, certificate.path("typeCode").asString(null), issuer, HolderNames.masked(name));
	}

	/** The status of a stored certificate by id, without its content. */
	public Optional<Result> status(String id) {
		Optional<StoredCertificate> found = this.store.find(id);
		return found.map((stored) -> {
			VerificationStatus status = statusOf(Optional.of(stored.status()), stored.validFrom(), stored.validUntil());
			return result(status, id, stored.typeCode(), stored.issuerDepartmentCode(), null);
		});
	}

	/**
	 * @param stored the status the certificate has here; a genuine one not stored here (a
	 * copy of this issuer's database lost it) is judged by its dates alone
	 */
	VerificationStatus statusOf(Optional<CertificateStatus> stored, @Nullable Instant validFrom,
			@Nullable Instant validUntil) {
		if (stored.isPresent() && stored.get() == CertificateStatus.REVOKED) {
			return VerificationStatus.REVOKED;
		}
		if (stored.isPresent() && stored.get() == CertificateStatus.SUSPENDED) {
			return VerificationStatus.SUSPENDED;
		}
		Instant now = this.clock.instant();
		if (validFrom != null && now.isBefore(validFrom)) {
			return VerificationStatus.NOT_YET_VALID;
		}
		if (validUntil != null && !now.isBefore(validUntil)) {
			return VerificationStatus.EXPIRED;
		}
		return VerificationStatus.VALID;
	}

	/** The result of a verification, counted by its status. */
	Result result(VerificationStatus status, @Nullable String id, @Nullable String typeCode, @Nullable String issuer,
			@Nullable String holderNameMasked) {
		this.counters.get(status).increment();
		return new Result(status == VerificationStatus.VALID, status, id, typeCode, issuer, holderNameMasked,
				this.clock.instant());
	}

	private static byte[] decode(@Nullable String value, List<FieldError> errors) {
		if (value == null) {
			return new byte[0];
		}
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("signature.value", "must be base64"));
			return new byte[0];
		}
	}

	private static @Nullable String text(JsonNode node, String name, List<FieldError> errors) {
		return text(node, name, errors, name);
	}

	private static @Nullable String text(JsonNode node, String name, List<FieldError> errors, String path) {
		JsonNode value = node.path(name);
		if (!value.isString()) {
			errors.add(new FieldError(path, "is required"));
			return null;
		}
		return value.stringValue();
	}

	private static @Nullable Instant instant(JsonNode node, String name, List<FieldError> errors) {
		Instant instant = instantOrNull(node, name);
		if (instant == null) {
			errors.add(new FieldError(name, "must be a time with offset (ISO-8601)"));
		}
		return instant;
	}

	private static @Nullable Instant instantOrNull(JsonNode node, String name) {
		JsonNode value = node.path(name);
		if (!value.isString()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.stringValue()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
