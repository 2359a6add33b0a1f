package org.shutong.audit.alert.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.shutong.audit.alert.Acknowledgements;
import org.shutong.audit.alert.Alert;
import org.shutong.audit.alert.Alert.Acknowledgement;
import org.shutong.audit.alert.AlertNotFoundException;
import org.shutong.audit.alert.AlertRule;
import org.shutong.audit.alert.AlertSettings;
import org.shutong.audit.alert.AlertStatus;
import org.shutong.audit.alert.AlertStore;
import org.shutong.audit.alert.AlertStore.Evidence;
import org.shutong.audit.alert.AlreadyAcknowledgedException;
import org.shutong.audit.log.LogUnavailableException;
import org.shutong.platform.identity.ValidCreditCode;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flow-risk alerts for auditors, newest first, each with the logged events behind it.
 * Pages are cut by alert id, so alerts raised meanwhile neither shift nor repeat a page.
 */
@RestController
class AlertController {

	private final AlertStore alerts;

	private final Acknowledgements acknowledgements;

	private final Validator validator;

	private final int eventsShown;

	AlertController(AlertStore alerts, Acknowledgements acknowledgements, Validator validator, AlertSettings settings) {
		this.alerts = alerts;
		this.acknowledgements = acknowledgements;
		this.validator = validator;
		this.eventsShown = settings.eventsShown();
	}

	/**
	 * @param before only alerts with a smaller id: the {@code next} of the page before
	 */
	@GetMapping("/api/audit/alerts")
	@PreAuthorize("hasRole('AUDITOR')")
	AlertPage list(@RequestParam(required = false) @Nullable AlertStatus status,
			@RequestParam(required = false) @Nullable AlertRule rule,
			@RequestParam(required = false) @ValidCreditCode @Nullable String department,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Min(1) @Nullable Long before) {
		// One more than asked for tells whether another page follows.
		List<Alert> found = this.alerts.find(status, rule, department, before, limit + 1);
		List<Alert> page = found.stream().limit(limit).toList();
		List<Long> ids = page.stream().map(Alert::id).toList();
		Map<Long, Long> counts = this.alerts.eventCounts(ids);
		Map<Long, List<Evidence>> evidence = this.alerts.evidence(ids, -1, this.eventsShown + 1);
		List<AlertView> items = page.stream()
			.map((alert) -> AlertView.of(alert, counts.getOrDefault(alert.id(), 0L),
					evidence.getOrDefault(alert.id(), List.of()), this.eventsShown))
			.toList();
		return new AlertPage(items, (found.size() > limit) ? page.get(page.size() - 1).id() : null);
	}

	/**
	 * @param eventsAfter show the events behind the alert after this leaf index: the
	 * {@code nextEventsAfter} of the answer before
	 */
	@GetMapping("/api/audit/alerts/{id}")
	@PreAuthorize("hasRole('AUDITOR')")
	AlertView one(@PathVariable long id, @RequestParam(defaultValue = "-1") @Min(-1) long eventsAfter) {
		Alert alert = this.alerts.find(id).orElseThrow(() -> notFound(id));
		List<Evidence> evidence = this.alerts.evidence(List.of(id), eventsAfter, this.eventsShown + 1)
			.getOrDefault(id, List.of());
		return AlertView.of(alert, this.alerts.eventCounts(List.of(id)).getOrDefault(id, 0L), evidence,
				this.eventsShown);
	}

	@PostMapping("/api/audit/alerts/{id}/acknowledgement")
	@PreAuthorize("hasRole('AUDITOR')")
	ResponseEntity<AcknowledgementView> acknowledge(@PathVariable long id, @RequestBody AcknowledgementRequest request,
			Caller caller) {
		List<FieldError> errors = this.validator.validate(request)
			.stream()
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The acknowledgement is not valid; nothing was stored", errors));
		}
		try {
			Acknowledgement acknowledgement = this.acknowledgements.acknowledge(id, request.note(), caller);
			return ResponseEntity.created(URI.create("/api/audit/alerts/" + id))
				.body(AcknowledgementView.of(id, acknowledgement));
		}
		catch (AlertNotFoundException ex) {
			throw notFound(id);
		}
		catch (AlreadyAcknowledgedException ex) {
			throw new ProblemException(PlatformProblem.CONFLICT, ex.getMessage());
		}
		catch (LogUnavailableException ex) {
			throw new ProblemException(PlatformProblem.SERVICE_UNAVAILABLE,
					"The audit log cannot record the acknowledgement now, so it was not stored; try again later");
		}
	}

	private static ProblemException notFound(long id) {
		return new ProblemException(PlatformProblem.NOT_FOUND, "No alert has the id " + id);
	}

	record AcknowledgementRequest(@NotBlank @Size(max = 500) @Nullable String note) {
	}

	record AlertPage(List<AlertView> items, @Nullable Long next) {
	}

	/**
	 * @param eventCount how many logged events stand behind the alert
	 * @param events the first of them in leaf order, at most as many as configured
	 * @param nextEventsAfter the {@code eventsAfter} that shows the following ones, or
	 * null when none follow
	 */
	record AlertView(long id, AlertRule rule, AlertStatus status, @Nullable String department, Instant windowStart,
			Instant windowEnd, String summary, Instant raisedAt, @Nullable AcknowledgementView acknowledgement,
			long eventCount, List<EventView> events, @Nullable Long nextEventsAfter) {

		static AlertView of(Alert alert, long eventCount, List<Evidence> evidence, int shown) {
			List<EventView> events = evidence.stream().limit(shown).map(EventView::of).toList();
			Long next = (evidence.size() > shown) ? events.get(events.size() - 1).leafIndex() : null;
			return new AlertView(alert.id(), alert.rule(), alert.status(), alert.department(), alert.windowStart(),
					alert.windowEnd(), alert.summary(), alert.raisedAt(), (alert.acknowledgement() != null)
							? AcknowledgementView.of(alert.id(), alert.acknowledgement()) : null,
					eventCount, events, next);
		}

	}

	/**
	 * @param eventId the {@code audit.alert.acknowledge} event that logged it
	 * @param leafIndex where that event is in the log
	 */
	record AcknowledgementView(long alertId, String acknowledgedBy, Instant acknowledgedAt, String note, UUID eventId,
			@Nullable Long leafIndex) {

		static AcknowledgementView of(long alertId, Acknowledgement acknowledgement) {
			return new AcknowledgementView(alertId, acknowledgement.acknowledgedBy(), acknowledgement.acknowledgedAt(),
					acknowledgement.note(), acknowledgement.eventId(), acknowledgement.leafIndex());
		}

	}

}
