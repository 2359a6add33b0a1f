package org.shutong.certificate.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.authorization.UseRequest;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.ResidentIdNumber;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

/**
 * A department's request for a holder's certificates: whose (by ID number or credit code,
 * turned into the holder reference at once), of which type, for which service item and
 * why (用证事由).
 */
public record FetchRequest(String holderIdNumber, boolean entity, @Nullable String typeCode, String serviceItemCode,
		String purpose) {

	private static final Pattern TYPE_CODE = Pattern.compile("[0-9A-Z]{1,40}");

	/**
	 * @throws ProblemException a 400 naming every bad parameter
	 */
	public static FetchRequest of(@Nullable String holderIdNumber, @Nullable String typeCode,
			@Nullable String serviceItemCode, @Nullable String purpose) {
		List<FieldError> errors = new ArrayList<>();
		boolean person = holderIdNumber != null && ResidentIdNumber.isValid(holderIdNumber);
		if (!person && (holderIdNumber == null || !CreditCode.isValid(holderIdNumber))) {
			errors.add(new FieldError("holderIdNumber",
					"must be a resident ID number (GB 11643) or a credit code (GB 32100)"));
		}
		if (typeCode != null && !TYPE_CODE.matcher(typeCode).matches()) {
			errors.add(new FieldError("typeCode", "must be 1 to 40 of 0-9 A-Z"));
		}
		if (serviceItemCode == null || !UseRequest.SERVICE_ITEM.matcher(serviceItemCode).matches()) {
			errors.add(new FieldError("serviceItemCode", "must be 1 to 64 of 0-9 A-Z a-z . _ -"));
		}
		if (purpose == null || purpose.isBlank() || purpose.length() > 500) {
			errors.add(new FieldError("purpose", "must be 1 to 500 characters: why the certificate is used"));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The certificate request is invalid", errors));
		}
		return new FetchRequest(holderIdNumber, !person, typeCode, serviceItemCode, purpose.strip());
	}

}
