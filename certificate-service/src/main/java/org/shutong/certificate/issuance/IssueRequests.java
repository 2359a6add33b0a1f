package org.shutong.certificate.issuance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
import org.shutong.platform.problem.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads one issuance request ({@code {typeCode, holder: {kind, idNumber, name}, fields,
 * validFrom, validUntil?, alg?}}) and checks it against its type.
 */
@Component
public class IssueRequests {

	private static final int MAX_TEXT = 2000;

	private final HolderReferences holderReferences;

	private final JsonMapper json = JsonMapper.builder().build();

	IssueRequests(HolderReferences holderReferences) {
		this.holderReferences = holderReferences;
	}

	/** The type the request names, if it names a known one. */
	public Optional<CertificateType> type(JsonNode request, Function<String, Optional<CertificateType>> types) {
		String code = text(request, "typeCode");
		return (code != null) ? types.apply(code) : Optional.empty();
	}

	/**
	 * @param type the request's type, see {@link #type}; none when unknown
	 * @return the draft, or the request's errors
	 */
	public Checked check(JsonNode request, @Nullable CertificateType type) {
		List<FieldError> errors = new ArrayList<>();
		if (!request.isObject()) {
			return new Checked(null, List.of(new FieldError("$", "must be a JSON object")));
		}
		if (type == null) {
			errors.add(new FieldError("typeCode", "must name a known certificate type"));
		}
		JsonNode holder = request.path("holder");
		String kind = text(holder, "kind");
		String idNumber = text(holder, "idNumber");
		String name = text(holder, "name");
		if (kind == null || !Set.of("PERSON", "ENTITY").contains(kind)) {
			errors.add(new FieldError("holder.kind", "must be PERSON or ENTITY"));
		}
		else if (type != null && !type.holderKind().name().equals(kind)) {
			errors.add(new FieldError("holder.kind", "must be " + type.holderKind() + " for this type"));
		}
		boolean person = "PERSON".equals(kind);
		if (idNumber == null || (person ? !ResidentIdNumber.isValid(idNumber) : !CreditCode.isValid(idNumber))) {
			errors.add(new FieldError("holder.idNumber",
					person ? "must be a valid resident ID number" : "must be a valid unified social credit code"));
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			errors.add(new FieldError("holder.name", "must be 1 to 200 characters"));
		}
		ObjectNode fields = (type != null) ? fields(request.path("fields"), type, errors) : null;
		Instant validFrom = instant(request, "validFrom", true, errors);
		Instant validUntil = instant(request, "validUntil", false, errors);
		if (validFrom != null && validUntil == null && type != null && type.validityYears() != null) {
			validUntil = validFrom.atOffset(ZoneOffset.UTC).plusYears(type.validityYears()).toInstant();
		}
		if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
			errors.add(new FieldError("validUntil", "must be after validFrom"));
		}
		String alg = text(request, "alg");
		KeyAlgorithm algorithm = (alg != null) ? KeyAlgorithm.bySignatureName(alg).orElse(null) : KeyAlgorithm.SM2;
		if (algorithm == null) {
			errors.add(new FieldError("alg", "must be SM2-SM3 or ES256"));
		}
		if (!errors.isEmpty()) {
			return new Checked(null, errors);
		}
		String reference = person ? this.holderReferences.of(new ResidentIdNumber(idNumber))
				: this.holderReferences.of(new CreditCode(idNumber));
		String masked = person ? new ResidentIdNumber(idNumber).masked()
				: idNumber.substring(0, 6) + "********" + idNumber.substring(14);
		return new Checked(
				new IssueDraft(type, idNumber, masked, name, reference, fields, validFrom, validUntil, algorithm),
				List.of());
	}

	private ObjectNode fields(JsonNode given, CertificateType type, List<FieldError> errors) {
		ObjectNode fields = this.json.createObjectNode();
		if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
			errors.add(new FieldError("fields", "must be an object"));
			return fields;
		}
		Set<String> known = new HashSet<>();
		for (SurfaceField field : type.fields()) {
			known.add(field.name());
			JsonNode value = given.path(field.name());
			String path = "fields." + field.name();
			if (value.isMissingNode() || value.isNull()) {
				if (field.required()) {
					errors.add(new FieldError(path, "is required"));
				}
				continue;
			}
			String problem = problem(field, value);
			if (problem != null) {
				errors.add(new FieldError(path, problem));
			}
			else {
				fields.set(field.name(), value);
			}
		}
		for (String name : given.propertyNames()) {
			if (!known.contains(name)) {
				errors.add(new FieldError("fields." + name, "is not a field of this type"));
			}
		}
		return fields;
	}

	private static @Nullable String problem(SurfaceField field, JsonNode value) {
		return switch (field.type()) {
			case TEXT ->
				(value.isString() && !value.stringValue().isBlank() && value.stringValue().length() <= MAX_TEXT) ? null
						: "must be text of 1 to " + MAX_TEXT + " characters";
			case NUMBER -> value.isNumber() ? null : "must be a number";
			case DATE -> (value.isString() && isDate(value.stringValue())) ? null : "must be a date (YYYY-MM-DD)";
			case IMAGE -> (value.isString() && isBase64(value.stringValue())) ? null : "must be base64";
		};
	}

	private static boolean isDate(String text) {
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isBase64(String text) {
		try {
			Base64.getDecoder().decode(text);
			return !text.isEmpty();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static @Nullable Instant instant(JsonNode request, String name, boolean required, List<FieldError> errors) {
		String text = text(request, name);
		if (text == null) {
			if (required || (request.has(name) && !request.get(name).isNull())) {
				errors.add(new FieldError(name, "must be a time with offset (ISO-8601)"));
			}
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(name, "must be a time with offset (ISO-8601)"));
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return value.isString() ? value.stringValue() : null;
	}

	/** A checked request: a draft, or what is wrong with it. */
	public record Checked(@Nullable IssueDraft draft, List<FieldError> errors) {
	}

}
