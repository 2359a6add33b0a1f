package org.shutong.catalog.sharing;

/**
 * How many applications between two departments for one resource ended in one status.
 */
public record ApplicationCount(String providerCode, String consumerCode, String resourceCode, ApplicationStatus status,
		long count) {

}
