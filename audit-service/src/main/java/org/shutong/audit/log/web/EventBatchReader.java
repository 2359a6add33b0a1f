package org.shutong.audit.log.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.JsonFieldErrors;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a delivery of audit events: one event object or an array of them. A good delivery
 * is bound straight to events; only a bad one is read again node by node, so that the
 * problem names every bad field of every event, by position, at once.
 */
final class EventBatchReader {

	static final int MAX_BATCH = 1000;

	private final ObjectMapper json;

	private final Validator validator;

	EventBatchReader(ObjectMapper json, ValidatorFactory validators) {
		this.json = json;
		// Events are records, never JPA entities: asking JPA whether each property is
		// loaded would cost more than checking it.
		this.validator = validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
	}

	Batch read(byte[] body) {
		boolean array = startsWithArray(body);
		List<AuditEvent> events;
		try {
			events = array ? Arrays.asList(this.json.readValue(body, AuditEvent[].class))
					: Collections.singletonList(this.json.readValue(body, AuditEvent.class));
		}
		catch (JacksonException ex) {
			// Read again below, to name every bad field.
			events = null;
		}
		if (events == null || events.contains(null)) {
			throw invalid(bindingErrors(body, array));
		}
		if (events.isEmpty() || events.size() > MAX_BATCH) {
			throw invalid(
					List.of(new FieldError("", "must hold 1 to " + MAX_BATCH + " events, held " + events.size())));
		}
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			validate(events.get(i), array ? "[" + i + "]." : "", errors);
		}
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		return new Batch(events, array);
	}

	private List<FieldError> bindingErrors(byte[] body, boolean array) {
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (StreamReadException ex) {
			throw new ProblemException(PlatformProblem.MALFORMED_BODY, "The request body is not valid JSON.");
		}
		List<JsonNode> nodes = new ArrayList<>();
		if (array) {
			tree.forEach(nodes::add);
		}
		else {
			nodes.add(tree);
		}
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			String position = array ? "[" + i + "]" : "";
			if (!nodes.get(i).isObject()) {
				errors.add(new FieldError(position, "must be an event object"));
				continue;
			}
			String prefix = array ? position + "." : "";
			try {
				validate(this.json.treeToValue(nodes.get(i), AuditEvent.class), prefix, errors);
			}
			catch (MismatchedInputException ex) {
				FieldError error = JsonFieldErrors.of(ex);
				errors.add(new FieldError(prefix + error.field(), error.message()));
			}
		}
		return errors;
	}

	private void validate(AuditEvent event, String prefix, List<FieldError> errors) {
		this.validator.validate(event)
			.stream()
			.map((violation) -> new FieldError(prefix + violation.getPropertyPath(), violation.getMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.forEach(errors::add);
	}

	private static boolean startsWithArray(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '[';
			}
		}
		return false;
	}

	static ProblemException invalid(List<FieldError> errors) {
		return new ProblemException(PlatformProblem.INVALID_REQUEST,
				Problems.invalid("The audit events are not valid; nothing was logged", errors));
	}

	/**
	 * @param array whether the events came as an array, so that problems name them by
	 * position
	 */
	record Batch(List<AuditEvent> events, boolean array) {

		String prefix(int position) {
			return this.array ? "[" + position + "]." : "";
		}

	}

	private static final class EverythingReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object object, Path.Node node, Class<?> rootType, Path path,
				java.lang.annotation.ElementType type) {
			return true;
		}

		@Override
		public boolean isCascadable(Object object, Path.Node node, Class<?> rootType, Path path,
				java.lang.annotation.ElementType type) {
			return true;
		}

	}

}
