package org.shutong.gateway.web.auditor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * An RFC 9162 inclusion proof, checked as §2.1.3.2 describes: hashing up from the leaf
 * hash with the audit path ({@code SHA-256(0x01 || left || right)} for each node) must
 * end exactly at the root, with the path used up.
 */
final class InclusionProof {

	static final int HASH_SIZE = 32;

	private InclusionProof() {
	}

	/**
	 * Whether the audit path shows this leaf hash at {@code leafIndex} in the tree of
	 * {@code treeSize} leaves with this root. Never throws: anything malformed is simply
	 * not verified.
	 */
	static boolean verifies(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> auditPath, byte[] root) {
		if (!isHash(leafHash) || !isHash(root) || auditPath == null || leafIndex < 0 || leafIndex >= treeSize) {
			return false;
		}
		long fn = leafIndex;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : auditPath) {
			if (!isHash(p) || sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = node(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>>= 1;
					sn >>>= 1;
				}
			}
			else {
				r = node(r, p);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(r, root);
	}

	static byte[] node(byte[] left, byte[] right) {
		MessageDigest sha256 = sha256();
		sha256.update((byte) 0x01);
		sha256.update(left);
		sha256.update(right);
		return sha256.digest();
	}

	private static boolean isHash(byte[] hash) {
		return hash != null && hash.length == HASH_SIZE;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must provide SHA-256", ex);
		}
	}

}
