package org.shutong.audit.log;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.shutong.platform.audit.AuditEvent;

import org.springframework.dao.DataAccessException;

/**
 * The audit log's only way in. An event is appended once: a second delivery of the same
 * {@code eventId} is answered with the first one's leaf index. A call returns only after
 * the transaction holding its events committed.
 */
public final class AuditLog {

	private final Sequencer sequencer;

	private final EventRows rows;

	private final Duration timeout;

	AuditLog(Sequencer sequencer, EventRows rows, Duration timeout) {
		this.sequencer = sequencer;
		this.rows = rows;
		this.timeout = timeout;
	}

	/**
	 * @param events valid events (see {@link AuditEvent}'s constraints)
	 * @return where each event is, in the order given
	 * @throws EventTooLargeException if an event's leaf would exceed
	 * {@link EventLeaves#MAX_BYTES}; nothing is appended then
	 * @throws LogUnavailableException if the events could not be committed now
	 */
	public List<Appended> append(List<AuditEvent> events) {
		List<Leaf> leaves = events.stream().map(Leaf::of).toList();
		for (int i = 0; i < leaves.size(); i++) {
			if (leaves.get(i).bytes().length > EventLeaves.MAX_BYTES) {
				throw new EventTooLargeException(i, leaves.get(i).bytes().length);
			}
		}
		// Looked up here, on the caller's thread, so that the sequencer need not: it only
		// looks again if a redelivery races past this lookup.
		Map<UUID, Long> logged;
		try {
			logged = this.rows
				.logged(leaves.stream().map((leaf) -> leaf.event().eventId()).collect(Collectors.toSet()));
		}
		catch (DataAccessException ex) {
			throw new LogUnavailableException("the audit log cannot be read", ex);
		}
		List<Leaf> fresh = leaves.stream().filter((leaf) -> !logged.containsKey(leaf.event().eventId())).toList();
		Iterator<Appended> appended = (fresh.isEmpty() ? List.<Appended>of() : awaitSequencer(fresh)).iterator();
		return leaves.stream().map((leaf) -> {
			Long leafIndex = logged.get(leaf.event().eventId());
			return (leafIndex != null) ? new Appended(leaf.event().eventId(), leafIndex, true) : appended.next();
		}).toList();
	}

	private List<Appended> awaitSequencer(List<Leaf> leaves) {
		try {
			return this.sequencer.submit(leaves).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LogUnavailableException("interrupted while waiting for the audit log");
		}
		catch (TimeoutException ex) {
			throw new LogUnavailableException("the audit log did not commit the events within " + this.timeout);
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof LogUnavailableException unavailable) {
				throw unavailable;
			}
			throw new LogUnavailableException("the audit log could not store the events", ex.getCause());
		}
	}

}
