package org.shutong.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a holder's identity number (a citizen's ID number or an enterprise's credit code)
 * into the reference the platform stores and passes around instead of the number: an
 * HMAC-SHA256 under a key every service shares, so the same holder has the same reference
 * everywhere and nobody can reverse it without the key.
 */
public final class HolderReferences {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public HolderReferences(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
	}

	public String of(ResidentIdNumber number) {
		return of(number.value());
	}

	public String of(CreditCode code) {
		return of(code.value());
	}

	private String of(String number) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
