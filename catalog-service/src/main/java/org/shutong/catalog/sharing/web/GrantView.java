package org.shutong.catalog.sharing.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.GrantStatus;

/**
 * A grant as either party sees it, its status read at the time of the request.
 *
 * @param rawValues whether sensitive items reach the consumer unmasked
 * @param endedAt when it was revoked or expired
 */
record GrantView(String id, String applicationId, String resourceCode, int resourceVersion, String provider,
		String consumer, List<String> items, boolean rawValues, String serviceItemCode, Instant validUntil,
		GrantStatus status, Instant grantedAt, @Nullable Instant endedAt, @Nullable String revokeReason) {

	static GrantView of(Grant grant, Instant now) {
		GrantStatus status = grant.statusAt(now);
		Instant endedAt = (status == GrantStatus.EXPIRED && grant.endedAt() == null) ? grant.validUntil()
				: grant.endedAt();
		return new GrantView(grant.id(), grant.applicationId(), grant.resourceCode(), grant.resourceVersion(),
				grant.providerCode(), grant.consumerCode(), grant.items(), grant.rawValues(), grant.serviceItemCode(),
				grant.validUntil(), status, grant.grantedAt(), endedAt, grant.revokeReason());
	}

}
