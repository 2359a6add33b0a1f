package org.shutong.audit.event.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventTooLargeException;
import org.shutong.audit.log.LogUnavailableException;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reading the log is itself access to personal data, so every auditor's search, event
 * view and export is appended to the log: who read, and with which filters. It is
 * appended once the events are read and before any is sent; when the log cannot take it,
 * the auditor gets 503 and no events, so that no read goes unrecorded.
 */
@Component
class AuditorAccessLog {

	static final String SEARCH = "audit.search";

	static final String VIEW = "audit.view";

	static final String EXPORT = "audit.export";

	private static final String SERVICE = "audit-service";

	private final AuditLog log;

	private final Validator validator;

	private final ObjectProvider<Tracer> tracer;

	AuditorAccessLog(AuditLog log, Validator validator, ObjectProvider<Tracer> tracer) {
		this.log = log;
		this.validator = validator;
		this.tracer = tracer;
	}

	/**
	 * @param details what was asked for: the filters, paging, or the leaf index
	 */
	void record(Caller auditor, String action, Map<String, Object> details) {
		String department = auditor.departmentCode();
		Actor actor = new Actor((department != null && department.length() == 18) ? department : null,
				auditor.clientId(), auditor.subject());
		AuditEvent event = new AuditEvent(UUID.randomUUID(), Instant.now(), SERVICE, action, AuditOutcome.SUCCESS,
				actor, null, null, null, null, traceId(), details);
		// An event the log's columns cannot hold would fail the sequencer's whole batch,
		// other services' events with it.
		if (!this.validator.validate(event).isEmpty()) {
			throw new ProblemException(PlatformProblem.FORBIDDEN,
					"This token's identity cannot be recorded in the audit log, so the log cannot be read with it.");
		}
		try {
			this.log.append(List.of(event));
		}
		catch (LogUnavailableException | EventTooLargeException ex) {
			throw new ProblemException(PlatformProblem.SERVICE_UNAVAILABLE,
					"This read of the audit log cannot be recorded now, so it is refused; try again later.");
		}
	}

	private @Nullable String traceId() {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

}
