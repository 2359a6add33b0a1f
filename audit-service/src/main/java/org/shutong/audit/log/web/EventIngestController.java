package org.shutong.audit.log.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventTooLargeException;
import org.shutong.audit.log.LogUnavailableException;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.JsonFieldErrors;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where services deliver audit events: one event object or an array of them. The answer
 * comes after the events are committed to the log, so a publisher may forget an event
 * once it has the answer; delivering it again is harmless.
 */
@RestController
class EventIngestController {

	static final int MAX_BATCH = 1000;

	private final AuditLog log;

	private final ObjectMapper json;

	private final Validator validator;

	EventIngestController(AuditLog log, ObjectMapper json, Validator validator) {
		this.log = log;
		this.json = json;
		this.validator = validator;
	}

	@PostMapping("/api/audit/events")
	@PreAuthorize("hasAuthority('SCOPE_audit.write')")
	Ingested ingest(@RequestBody JsonNode body) {
		List<AuditEvent> events = events(body);
		try {
			return new Ingested(this.log.append(events));
		}
		catch (EventTooLargeException ex) {
			throw invalid(List.of(new FieldError(prefix(body, ex.position()) + "details", ex.getMessage())));
		}
		catch (LogUnavailableException ex) {
			throw new ProblemException(PlatformProblem.SERVICE_UNAVAILABLE,
					"The audit log cannot take events now (" + ex.getMessage() + "); deliver them again later");
		}
	}

	private List<AuditEvent> events(JsonNode body) {
		boolean batch = body.isArray();
		List<JsonNode> nodes = new ArrayList<>();
		if (batch) {
			body.forEach(nodes::add);
		}
		else {
			nodes.add(body);
		}
		if (nodes.isEmpty() || nodes.size() > MAX_BATCH) {
			throw invalid(List.of(new FieldError("", "must hold 1 to " + MAX_BATCH + " events, held " + nodes.size())));
		}
		List<AuditEvent> events = new ArrayList<>(nodes.size());
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			String prefix = batch ? "[" + i + "]." : "";
			if (!nodes.get(i).isObject()) {
				errors.add(new FieldError(batch ? "[" + i + "]" : "", "must be an event object"));
				continue;
			}
			AuditEvent event;
			try {
				event = this.json.treeToValue(nodes.get(i), AuditEvent.class);
			}
			catch (MismatchedInputException ex) {
				FieldError error = JsonFieldErrors.of(ex);
				errors.add(new FieldError(prefix + error.field(), error.message()));
				continue;
			}
			Set<ConstraintViolation<AuditEvent>> violations = this.validator.validate(event);
			violations.stream()
				.map((violation) -> new FieldError(prefix + violation.getPropertyPath(), violation.getMessage()))
				.sorted((a, b) -> a.field().compareTo(b.field()))
				.forEach(errors::add);
			events.add(event);
		}
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		return events;
	}

	private static String prefix(JsonNode body, int position) {
		return body.isArray() ? "[" + position + "]." : "";
	}

	private static ProblemException invalid(List<FieldError> errors) {
		return new ProblemException(PlatformProblem.INVALID_REQUEST,
				Problems.invalid("The audit events are not valid; nothing was logged", errors));
	}

	record Ingested(List<Appended> results) {
	}

}
