package org.shutong.audit.log.web;

import java.util.List;

import jakarta.validation.ValidatorFactory;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventTooLargeException;
import org.shutong.audit.log.LogUnavailableException;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
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

	private final AuditLog log;

	private final EventBatchReader reader;

	EventIngestController(AuditLog log, ObjectMapper json, ValidatorFactory validators) {
		this.log = log;
		this.reader = new EventBatchReader(json, validators);
	}

	@PostMapping(path = "/api/audit/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('SCOPE_audit.write')")
	Ingested ingest(@RequestBody byte[] body) {
		EventBatchReader.Batch batch = this.reader.read(body);
		try {
			return new Ingested(this.log.append(batch.events()));
		}
		catch (EventTooLargeException ex) {
			throw EventBatchReader
				.invalid(List.of(new FieldError(batch.prefix(ex.position()) + "details", ex.getMessage())));
		}
		catch (LogUnavailableException ex) {
			throw new ProblemException(PlatformProblem.SERVICE_UNAVAILABLE,
					"The audit log cannot take events now (" + ex.getMessage() + "); deliver them again later");
		}
	}

	record Ingested(List<Appended> results) {
	}

}
