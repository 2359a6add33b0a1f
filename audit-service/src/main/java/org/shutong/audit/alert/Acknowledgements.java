package org.shutong.audit.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.shutong.audit.alert.Alert.Acknowledgement;
import org.shutong.audit.log.Appended;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.security.Caller;
import org.slf4j.MDC;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * An auditor's acknowledgement of an alert, which is itself audited: it is stored only
 * together with the {@code audit.alert.acknowledge} event that logs it.
 *
 * <p>
 * The log commits events in the sequencer's own transaction, so the two writes cannot
 * share one. The acknowledgement row is therefore inserted first, in a transaction kept
 * open while the log commits the event: if the append fails, that transaction rolls back
 * and neither is stored; its key also makes a concurrent second acknowledgement wait,
 * then fail, before it appends anything. What remains is a commit failing after the event
 * was logged. For that case the event's id is derived from the alert's, so the log can
 * hold only one acknowledgement event per alert; the next attempt finds it logged, stores
 * the acknowledgement the log recorded (the log is the record) and answers that the alert
 * was acknowledged, never storing a second, different one.
 */
public final class Acknowledgements {

	public static final String ACTION = "audit.alert.acknowledge";

	static final String SERVICE = "audit-service";

	private final AlertStore alerts;

	private final TransactionOperations transactions;

	private final Function<List<AuditEvent>, List<Appended>> log;

	private final Clock clock;

	/**
	 * @param log appends events to the audit log and returns once they are committed
	 */
	Acknowledgements(AlertStore alerts, TransactionOperations transactions,
			Function<List<AuditEvent>, List<Appended>> log, Clock clock) {
		this.alerts = alerts;
		this.transactions = transactions;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlreadyAcknowledgedException if it was acknowledged before
	 * @throws RuntimeException what the log throws when it cannot take the event; nothing
	 * is stored then
	 */
	public Acknowledgement acknowledge(long alertId, String note, Caller caller) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID eventId = eventId(alertId);
		try {
			return this.transactions.execute((status) -> {
				Alert alert = this.alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
				if (alert.acknowledgement() != null) {
					throw new AlreadyAcknowledgedException(alert.acknowledgement());
				}
				Acknowledgement acknowledgement = new Acknowledgement(caller.subject(), at, note, eventId, null);
				insert(alertId, acknowledgement);
				AuditEvent event = new AuditEvent(eventId, at, SERVICE, ACTION, AuditOutcome.SUCCESS,
						new Actor(caller.departmentCode(), caller.clientId(), caller.subject()), null,
						String.valueOf(alertId), null, null, MDC.get("traceId"),
						Map.of("rule", alert.rule().name(), "note", note));
				Appended appended = this.log.apply(List.of(event)).get(0);
				if (appended.duplicate()) {
					throw new LoggedEarlier(appended.leafIndex());
				}
				return new Acknowledgement(caller.subject(), at, note, eventId, appended.leafIndex());
			});
		}
		catch (LoggedEarlier earlier) {
			throw new AlreadyAcknowledgedException(restore(alertId, earlier.leafIndex));
		}
	}

	/** Stores the acknowledgement the log holds but the table lost. */
	private Acknowledgement restore(long alertId, long leafIndex) {
		AuditEvent event = this.alerts.event(leafIndex)
			.orElseThrow(() -> new IllegalStateException("The acknowledgement of alert " + alertId + " is logged at "
					+ leafIndex + " but that leaf cannot be read"));
		Acknowledgement logged = new Acknowledgement(event.actor().userId(), event.occurredAt(),
				String.valueOf(event.details().get("note")), event.eventId(), leafIndex);
		try {
			this.transactions.executeWithoutResult((status) -> this.alerts.insertAcknowledgement(alertId, logged));
		}
		catch (DuplicateKeyException ex) {
			// Restored meanwhile by another request, from the same event.
		}
		return logged;
	}

	private void insert(long alertId, Acknowledgement acknowledgement) {
		try {
			this.alerts.insertAcknowledgement(alertId, acknowledgement);
		}
		catch (DuplicateKeyException ex) {
			throw new AlreadyAcknowledgedException(this.alerts.find(alertId).map(Alert::acknowledgement).orElse(null));
		}
		catch (PessimisticLockingFailureException ex) {
			// Another request holds the row while the log commits its event (H2 waits
			// less
			// long than that); either way this one is not the acknowledgement.
			throw new AlreadyAcknowledgedException(null);
		}
	}

	/** The one id an acknowledgement of this alert can have in the log. */
	static UUID eventId(long alertId) {
		return UUID.nameUUIDFromBytes((ACTION + ":" + alertId).getBytes(StandardCharsets.UTF_8));
	}

	/** The log already held this alert's acknowledgement: roll back and restore it. */
	private static final class LoggedEarlier extends RuntimeException {

		private final long leafIndex;

		LoggedEarlier(long leafIndex) {
			super(null, null, false, false);
			this.leafIndex = leafIndex;
		}

	}

}
