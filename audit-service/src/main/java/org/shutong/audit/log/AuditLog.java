package org.shutong.audit.log;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.shutong.platform.audit.AuditEvent;

/**
 * The audit log's only way in. An event is appended once: a second delivery of the same
 * {@code eventId} is answered with the first one's leaf index. A call returns only after
 * the transaction holding its events committed.
 */
public final class AuditLog {

	private final Sequencer sequencer;

	private final Duration timeout;

	AuditLog(Sequencer sequencer, Duration timeout) {
		this.sequencer = sequencer;
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
