package org.shutong.catalog.resource;

/**
 * Whether a resource may be opened to the public (开放类型).
 */
public enum OpenType {

	OPEN, CONDITIONAL, NOT_OPEN

}
