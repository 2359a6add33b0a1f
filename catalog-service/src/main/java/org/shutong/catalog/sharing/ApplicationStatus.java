package org.shutong.catalog.sharing;

/**
 * Where a sharing application stands: waiting for the provider, or decided.
 */
public enum ApplicationStatus {

	PENDING, APPROVED, REJECTED

}
