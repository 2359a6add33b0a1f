package org.shutong.audit.event.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

import org.springframework.util.MultiValueMap;

/**
 * A request's query parameters read one by one, collecting every bad one, so that a
 * refusal lists all of them at once. A parameter given empty counts as not given; one
 * given twice, or one the endpoint does not know, is refused rather than ignored, since a
 * mistyped filter would otherwise quietly widen an auditor's search.
 */
final class QueryParameters {

	// The range of MySQL's DATETIME, where occurredAt is kept.
	private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private final MultiValueMap<String, String> values;

	private final List<FieldError> errors = new ArrayList<>();

	QueryParameters(MultiValueMap<String, String> values, List<String> known) {
		this.values = values;
		for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
			if (!known.contains(parameter.getKey())) {
				reject(parameter.getKey(), "is not a parameter of this request; known: " + String.join(", ", known));
			}
			else if (parameter.getValue().size() > 1) {
				reject(parameter.getKey(), "must be given once");
			}
		}
	}

	@Nullable String text(String name, Pattern pattern, String requirement) {
		String value = value(name);
		if (value != null && !pattern.matcher(value).matches()) {
			reject(name, requirement);
			return null;
		}
		return value;
	}

	@Nullable Instant instant(String name) {
		String value = value(name);
		if (value == null) {
			return null;
		}
		try {
			Instant instant = Instant.parse(value);
			if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
				reject(name, "must be between the years 1000 and 9999");
				return null;
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			reject(name, "must be an ISO-8601 instant with Z or an offset, such as 2026-11-23T08:00:00Z"
					+ " or 2026-11-23T16:00:00+08:00 (+ written %2B in a URL)");
			return null;
		}
	}

	<E extends Enum<E>> @Nullable E constant(String name, Class<E> type) {
		String value = value(name);
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			names.add(constant.name());
		}
		reject(name, "must be one of " + String.join(", ", names));
		return null;
	}

	/** A whole number from {@code min} to {@code max}, or null if not given. */
	@Nullable Long number(String name, long min, long max) {
		String value = value(name);
		if (value == null) {
			return null;
		}
		try {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// refused below, as a number out of range is
		}
		reject(name, (max == Long.MAX_VALUE) ? "must be a whole number of at least " + min
				: "must be a whole number from " + min + " to " + max);
		return null;
	}

	void reject(String name, String message) {
		this.errors.add(new FieldError(name, message));
	}

	/** Answers 400 with every bad parameter, if there is one. */
	void requireValid() {
		if (!this.errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The request has invalid parameters.", List.copyOf(this.errors)));
		}
	}

	private @Nullable String value(String name) {
		List<String> given = this.values.get(name);
		if (given == null || given.size() != 1 || given.get(0).isEmpty()) {
			return null;
		}
		return given.get(0);
	}

}
