package org.shutong.catalog.resource;

/**
 * How a resource may be shared (共享类型).
 */
public enum SharingType {

	UNCONDITIONAL, CONDITIONAL, NOT_SHARED

}
