package org.shutong.platform.problem;

import java.util.Arrays;
import java.util.Locale;

import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of a JSON body Jackson could not bind, and why, in the words of a
 * problem's {@code errors}.
 */
public final class JsonFieldErrors {

	private JsonFieldErrors() {
	}

	public static FieldError of(MismatchedInputException ex) {
		return new FieldError(JsonPaths.of(ex.getPath()), describe(ex));
	}

	private static String describe(MismatchedInputException ex) {
		if (ex instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			Object[] constants = format.getTargetType().getEnumConstants();
			return "must be one of " + Arrays.toString(constants);
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex.getTargetType() != null) {
			return "must be a valid " + ex.getTargetType().getSimpleName().toLowerCase(Locale.ROOT);
		}
		return "has the wrong type";
	}

}
