package org.shutong.catalog.sharing.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.sharing.ApplicationStatus;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.SharingApplication;

/**
 * An application as either party sees it, with the grant it led to once approved.
 */
record ApplicationView(String id, String resourceCode, int resourceVersion, String provider, String consumer,
		String purpose, String legalBasis, List<String> items, String serviceItemCode, Instant validUntil,
		ApplicationStatus status, Instant filedAt, @Nullable Instant decidedAt, @Nullable String rejectionReason,
		@Nullable String grantId) {

	static ApplicationView of(SharingApplication application, @Nullable Grant grant) {
		return new ApplicationView(application.id(), application.resourceCode(), application.resourceVersion(),
				application.providerCode(), application.consumerCode(), application.purpose(), application.legalBasis(),
				application.items(), application.serviceItemCode(), application.validUntil(), application.status(),
				application.filedAt(), application.decidedAt(), application.decisionReason(),
				(grant != null) ? grant.id() : null);
	}

}
