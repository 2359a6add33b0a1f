package org.shutong.gateway.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets: 256 random bits made by the platform, stored as their SHA-256.
 * <p>
 * A slow password hash protects guessable human passwords; a secret with 256 bits of
 * entropy cannot be guessed, so one SHA-256 is as safe for it and lets the token endpoint
 * authenticate thousands of clients a second. Secrets hashed otherwise (Argon2) are still
 * accepted.
 */
public final class ClientSecrets {

	private static final String SHA256 = "sha256";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ClientSecrets() {
	}

	public static String generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	public static PasswordEncoder encoder() {
		return new DelegatingPasswordEncoder(SHA256, Map.of(SHA256, new Sha256SecretEncoder(), "argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

	private static final class Sha256SecretEncoder implements PasswordEncoder {

		@Override
		public String encode(CharSequence raw) {
			return HexFormat.of().formatHex(digest(raw));
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			byte[] expected;
			try {
				expected = HexFormat.of().parseHex(encoded);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			return MessageDigest.isEqual(expected, digest(raw));
		}

		private static byte[] digest(CharSequence raw) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
