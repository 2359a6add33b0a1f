package org.shutong.catalog.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

import org.springframework.stereotype.Component;

/**
 * Every bad field of an application or an approval, in one 400 problem: the request's own
 * constraints, a validity in the past or too far ahead, items the resource (or the
 * application) does not have, items listed twice.
 */
@Component
class ApplicationChecks {

	/** The longest a grant may be applied for. */
	static final int MAX_VALIDITY_YEARS = 3;

	private final Validator validator;

	private final Clock clock;

	ApplicationChecks(Validator validator, Clock clock) {
		this.validator = validator;
		this.clock = clock;
	}

	void check(ApplicationRequest request, DataResource resource) {
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<ApplicationRequest> violation : this.validator.validate(request)) {
			errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
		}
		Instant now = this.clock.instant();
		if (request.validUntil() != null) {
			if (!request.validUntil().isAfter(now)) {
				errors.add(new FieldError("validUntil", "must be in the future"));
			}
			else if (request.validUntil()
				.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(MAX_VALIDITY_YEARS).toInstant())) {
				errors.add(new FieldError("validUntil", "must be at most " + MAX_VALIDITY_YEARS + " years ahead"));
			}
		}
		if (request.items() != null) {
			Set<String> offered = new HashSet<>();
			resource.items().stream().map(DataItem::name).forEach(offered::add);
			errors.addAll(itemErrors(request.items(), offered,
					"is not an item of resource " + resource.code() + " version " + resource.version()));
		}
		throwIfAny(errors);
	}

	/** The items an approval narrows the application to: some of those it asked for. */
	void checkNarrowing(List<String> items, SharingApplication application) {
		List<FieldError> errors = new ArrayList<>();
		if (items.isEmpty()) {
			errors.add(new FieldError("items", "must not be empty; reject the application to grant nothing"));
		}
		errors.addAll(itemErrors(items, new HashSet<>(application.items()), "was not applied for"));
		throwIfAny(errors);
	}

	private static List<FieldError> itemErrors(List<String> items, Set<String> allowed, String notAllowed) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String item = items.get(i);
			if (item == null || item.isBlank()) {
				continue; // named by the request's own constraints
			}
			if (!allowed.contains(item)) {
				errors.add(new FieldError("items[" + i + "]", notAllowed));
			}
			else if (!seen.add(item)) {
				errors.add(new FieldError("items[" + i + "]", "is listed more than once"));
			}
		}
		return errors;
	}

	private static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			List<FieldError> sorted = errors.stream()
				.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
				.toList();
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The request has invalid fields.", sorted));
		}
	}

	/** {@code items[2]} for an element of a list, as Spring names a bound field. */
	private static String field(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getIndex() != null) {
				field.append('[').append(node.getIndex()).append(']');
			}
			if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
				field.append((field.isEmpty()) ? "" : ".").append(node.getName());
			}
		}
		return field.toString();
	}

}
