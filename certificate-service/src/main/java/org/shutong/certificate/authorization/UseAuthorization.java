package org.shutong.certificate.authorization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The holder's leave for one department to use one certificate for one service item until
 * {@code validUntil}.
 */
public record UseAuthorization(String id, String certificateId, String holderReference, String departmentCode,
		String serviceItemCode, Instant validUntil, Instant createdAt, @Nullable Instant withdrawnAt) {

	public enum Status {

		ACTIVE, EXPIRED, WITHDRAWN

	}

	public Status statusAt(Instant now) {
		if (this.withdrawnAt != null) {
			return Status.WITHDRAWN;
		}
		return now.isBefore(this.validUntil) ? Status.ACTIVE : Status.EXPIRED;
	}

	public boolean covers(String departmentCode, String serviceItemCode, Instant now) {
		return statusAt(now) == Status.ACTIVE && this.departmentCode.equals(departmentCode)
				&& this.serviceItemCode.equals(serviceItemCode);
	}

}
