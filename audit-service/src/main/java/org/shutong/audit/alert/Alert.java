package org.shutong.audit.alert;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A flow-risk alert as stored, with its acknowledgement if it has one.
 *
 * @param department the credit code of the department whose accesses raised it, or null
 * for actors without one
 * @param windowStart when the window of accesses it covers starts (inclusive)
 * @param windowEnd when that window ends (exclusive)
 */
public record Alert(long id, AlertRule rule, @Nullable String department, Instant windowStart, Instant windowEnd,
		String summary, Instant raisedAt, @Nullable Acknowledgement acknowledgement) {

	public AlertStatus status() {
		return (this.acknowledgement != null) ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN;
	}

	/**
	 * @param acknowledgedBy the auditor, as the subject of their token
	 * @param eventId the {@code audit.alert.acknowledge} event that logged it
	 * @param leafIndex where that event is in the log, or null once archived
	 */
	public record Acknowledgement(String acknowledgedBy, Instant acknowledgedAt, String note, UUID eventId,
			@Nullable Long leafIndex) {
	}

}
