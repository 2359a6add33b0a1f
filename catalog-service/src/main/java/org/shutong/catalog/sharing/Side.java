package org.shutong.catalog.sharing;

import java.util.Locale;

/**
 * Which side of applications and grants a department lists: what it provides or what it
 * consumes.
 */
public enum Side {

	PROVIDER, CONSUMER;

	/** {@code provider} or {@code consumer}, as the query parameter spells it. */
	public static Side of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
