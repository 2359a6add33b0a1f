package org.shutong.certificate.type;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.identifier.CertificateId;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers certificate types (administrators), and gives the issuing department its SM2
 * key at once.
 */
@Service
public class TypeRegistration {

	private final CertificateTypeRepository types;

	private final IssuerKeyStore keys;

	private final CertificateAudit audit;

	private final Clock clock;

	TypeRegistration(CertificateTypeRepository types, IssuerKeyStore keys, CertificateAudit audit, Clock clock) {
		this.types = types;
		this.keys = keys;
		this.audit = audit;
		this.clock = clock;
	}

	/** A type as an administrator posts it. */
	public record TypeRequest(@Nullable String code, @Nullable String name, @Nullable String issuerDepartmentCode,
			@Nullable HolderKind holderKind, @Nullable List<FieldRequest> fields, @Nullable Integer validityYears) {
	}

	public record FieldRequest(@Nullable String name, @Nullable String label, @Nullable FieldType type,
			@Nullable Boolean sensitive, @Nullable Boolean required) {
	}

	@Transactional
	public CertificateType register(@Nullable Caller caller, TypeRequest request) {
		List<FieldError> errors = errors(request);
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The certificate type is not valid", errors));
		}
		if (this.types.findById(request.code()).isPresent()) {
			throw new ProblemException(CertificateProblem.TYPE_EXISTS, "Type " + request.code() + " exists");
		}
		List<SurfaceField> fields = request.fields()
			.stream()
			.map((field) -> new SurfaceField(field.name(), field.label(), field.type(),
					Boolean.TRUE.equals(field.sensitive()), Boolean.TRUE.equals(field.required())))
			.toList();
		CertificateType type = this.types
			.saveAndFlush(new CertificateType(request.code(), request.name(), request.issuerDepartmentCode(),
					request.holderKind(), request.validityYears(), fields, this.clock.instant()));
		this.keys.current(type.issuerDepartmentCode(), KeyAlgorithm.SM2);
		this.audit.other(CertificateAudit.TYPE_CREATE, caller, type.code(),
				Map.of("issuer", type.issuerDepartmentCode(), "holderKind", type.holderKind().name()));
		return type;
	}

	private static List<FieldError> errors(TypeRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.code() == null || !CertificateId.isTypeCode(request.code())) {
			errors.add(new FieldError("code", "must be a credit code followed by a 3-digit sequence"));
		}
		if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			errors.add(new FieldError("name", "must be 1 to 200 characters"));
		}
		if (request.issuerDepartmentCode() == null || !CreditCode.isValid(request.issuerDepartmentCode())) {
			errors.add(new FieldError("issuerDepartmentCode", "must be a valid unified social credit code"));
		}
		if (request.holderKind() == null) {
			errors.add(new FieldError("holderKind", "must be PERSON or ENTITY"));
		}
		if (request.validityYears() != null && (request.validityYears() < 1 || request.validityYears() > 100)) {
			errors.add(new FieldError("validityYears", "must be 1 to 100 when given"));
		}
		if (request.fields() == null) {
			errors.add(new FieldError("fields", "is required"));
			return errors;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < request.fields().size(); i++) {
			FieldRequest field = request.fields().get(i);
			String path = "fields[" + i + "]";
			if (field == null) {
				errors.add(new FieldError(path, "is required"));
				continue;
			}
			if (field.name() == null || !field.name().matches("[a-zA-Z][a-zA-Z0-9]{0,99}")) {
				errors.add(new FieldError(path + ".name", "must be letters and digits, starting with a letter"));
			}
			else if (!names.add(field.name())) {
				errors.add(new FieldError(path + ".name", "is a duplicate"));
			}
			if (field.label() == null || field.label().isBlank() || field.label().length() > 100) {
				errors.add(new FieldError(path + ".label", "must be 1 to 100 characters"));
			}
			if (field.type() == null) {
				errors.add(new FieldError(path + ".type", "must be TEXT, DATE, NUMBER or IMAGE"));
			}
		}
		return errors;
	}

}
