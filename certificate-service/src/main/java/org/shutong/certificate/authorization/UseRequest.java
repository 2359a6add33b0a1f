package org.shutong.certificate.authorization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

/**
 * A holder's request to authorise a use, checked field by field.
 */
public record UseRequest(String departmentCode, String serviceItemCode, Instant validUntil) {

	public static final Pattern SERVICE_ITEM = Pattern.compile("[0-9A-Za-z._-]{1,64}");

	/**
	 * @throws ProblemException a 400 naming every bad field
	 */
	public static UseRequest of(@Nullable String departmentCode, @Nullable String serviceItemCode,
			@Nullable String validUntil, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (departmentCode == null || !CreditCode.isValid(departmentCode)) {
			errors.add(new FieldError("departmentCode", "must be a unified social credit code (GB 32100)"));
		}
		if (serviceItemCode == null || !SERVICE_ITEM.matcher(serviceItemCode).matches()) {
			errors.add(new FieldError("serviceItemCode", "must be 1 to 64 of 0-9 A-Z a-z . _ -"));
		}
		Instant until = parse(validUntil);
		if (until == null) {
			errors.add(new FieldError("validUntil", "must be a time with offset (ISO-8601)"));
		}
		else if (!until.isAfter(now) || until.isAfter(now.plus(UseAuthorizations.LONGEST))) {
			errors.add(new FieldError("validUntil", "must lie ahead, at most 366 days"));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The use authorisation is invalid", errors));
		}
		return new UseRequest(departmentCode, serviceItemCode, until);
	}

	private static @Nullable Instant parse(@Nullable String time) {
		if (time == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(time).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
