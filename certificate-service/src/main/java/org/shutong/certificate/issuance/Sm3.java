package org.shutong.certificate.issuance;

import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SM3 digests (GM/T 0004), written as lower-case hex.
 */
public final class Sm3 {

	private Sm3() {
	}

	public static String hex(byte[] input) {
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}
