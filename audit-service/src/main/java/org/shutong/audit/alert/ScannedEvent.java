package org.shutong.audit.alert;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.SubjectKind;
import org.shutong.platform.audit.AuditOutcome;

/**
 * A logged event as the detector reads it: its leaf index and the event its leaf holds.
 */
record ScannedEvent(long leafIndex, AuditEvent event) {

	@Nullable String department() {
		return this.event.actor().departmentCode();
	}

	/** {@code details.rows}, the number of rows the access returned, or 0. */
	long rows() {
		Map<String, Object> details = this.event.details();
		return (details != null && details.get("rows") instanceof Number rows) ? rows.longValue() : 0;
	}

	boolean hasServiceItem() {
		return this.event.serviceItemCode() != null && !this.event.serviceItemCode().isBlank();
	}

	/** A department's successful access about one person. */
	boolean isPersonRead() {
		return department() != null && this.event.subject() != null && this.event.subject().kind() == SubjectKind.PERSON
				&& this.event.outcome() == AuditOutcome.SUCCESS;
	}

	/**
	 * Data that may be personal: about a person, or about nobody named (a bulk query).
	 */
	boolean mayBePersonal() {
		return this.event.subject() == null || this.event.subject().kind() == SubjectKind.PERSON;
	}

}
