package org.shutong.platform.audit;

import java.util.List;

/**
 * The audit log refused events as invalid (HTTP 400) or too large (413): a producer bug,
 * not an outage. They are left for the scheduled resubmission instead of being sent again
 * at once, and the rest of their batch is delivered without them.
 */
public class AuditEventsRejectedException extends RuntimeException {

	private final List<Integer> rejected;

	/**
	 * @param message what the audit log said, e.g. its problem body
	 * @param rejected the positions in the batch of the events it named, empty when it
	 * named none
	 */
	public AuditEventsRejectedException(String message, List<Integer> rejected) {
		super(message);
		this.rejected = List.copyOf(rejected);
	}

	/**
	 * The positions in the delivered batch of the events the audit log named as invalid;
	 * empty when it did not say which.
	 */
	public List<Integer> rejected() {
		return this.rejected;
	}

}
