package org.shutong.certificate.issuance;

import org.jspecify.annotations.Nullable;

/**
 * How a holder's name is shown to whoever scans or verifies a certificate: the first
 * character, the rest as asterisks.
 */
public final class HolderNames {

	private HolderNames() {
	}

	public static @Nullable String masked(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
	}

}
