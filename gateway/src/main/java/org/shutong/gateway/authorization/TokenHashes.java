package org.shutong.gateway.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 (hex) of a token value: what the indexed look-up columns hold.
 */
final class TokenHashes {

	private TokenHashes() {
	}

	static @Nullable String of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
