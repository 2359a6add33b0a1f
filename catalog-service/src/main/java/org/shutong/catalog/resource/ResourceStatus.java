package org.shutong.catalog.resource;

/**
 * Whether a resource version can still be applied for.
 */
public enum ResourceStatus {

	ACTIVE, RETIRED

}
