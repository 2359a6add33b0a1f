package org.shutong.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Checks the audit log as an outside party would, with the JDK alone: RFC 9162 §2.1 leaf
 * and node hashes and inclusion proofs (§2.1.3.2), and a C2SP {@code tlog-checkpoint}
 * signed note with an ECDSA P-256 signature (signed-note type {@code 0x02}, key ID the
 * first 4 bytes of SHA-256 of the DER public key).
 */
public final class TransparencyLog {

	private TransparencyLog() {
	}

	/** {@code SHA-256(0x00 || leaf)}. */
	public static byte[] leafHash(byte[] leaf) {
		return sha256(new byte[] { 0x00 }, leaf);
	}

	/** {@code SHA-256(0x01 || left || right)}. */
	static byte[] nodeHash(byte[] left, byte[] right) {
		return sha256(new byte[] { 0x01 }, left, right);
	}

	/** RFC 9162 §2.1.3.2, step by step. */
	public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path,
			byte[] rootHash) {
		if (leafIndex >= treeSize) {
			return false;
		}
		long fn = leafIndex;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, rootHash);
	}

	/**
	 * Verifies the note's signature by this key and returns the tree head it commits to.
	 * @param note the whole signed note: text, blank line, signature lines
	 * @param publicKeyInfo the DER SubjectPublicKeyInfo of the log's P-256 key
	 * @throws AssertionError if the note is malformed or no signature by the key verifies
	 */
	public static TreeHead verifyCheckpoint(String note, byte[] publicKeyInfo) throws GeneralSecurityException {
		int blank = note.indexOf("\n\n");
		if (blank < 0) {
			throw new AssertionError("no blank line between the checkpoint's text and its signatures:\n" + note);
		}
		String text = note.substring(0, blank + 1);
		String[] lines = text.split("\n");
		String origin = lines[0];
		byte[] keyId = Arrays.copyOf(sha256(publicKeyInfo), 4);
		PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeyInfo));
		String prefix = "\u2014 " + origin + " ";
		for (String line : note.substring(blank + 2).split("\n")) {
			if (!line.startsWith(prefix)) {
				continue;
			}
			byte[] signed = Base64.getDecoder().decode(line.substring(prefix.length()));
			if (!Arrays.equals(Arrays.copyOf(signed, 4), keyId)) {
				continue;
			}
			Signature ecdsa = Signature.getInstance("SHA256withECDSA");
			ecdsa.initVerify(key);
			ecdsa.update(text.getBytes(StandardCharsets.UTF_8));
			if (!ecdsa.verify(Arrays.copyOfRange(signed, 4, signed.length))) {
				throw new AssertionError("the checkpoint's signature by " + origin + " does not verify:\n" + note);
			}
			return new TreeHead(Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
		}
		throw new AssertionError("no signature by " + origin + " with the published key ID:\n" + note);
	}

	private static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a checkpoint commits to. */
	public record TreeHead(long size, byte[] rootHash) {
	}

}
