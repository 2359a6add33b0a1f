package org.shutong.audit.tree;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and
 * §2.1.4.2 describe it. Never throws on bad input: anything malformed is simply not
 * verified.
 */
public final class MerkleProofs {

	private MerkleProofs() {
	}

	/**
	 * Whether {@code proof} shows the leaf hash at {@code leafIndex} in the tree of
	 * {@code treeSize} leaves with this root.
	 */
	public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof,
			byte[] root) {
		if (!isHash(leafHash) || !isHash(root) || !allHashes(proof) || leafIndex < 0 || leafIndex >= treeSize) {
			return false;
		}
		long fn = leafIndex;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = MerkleHash.node(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>>= 1;
						sn >>>= 1;
					}
				}
			}
			else {
				r = MerkleHash.node(r, p);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(r, root);
	}

	/**
	 * Whether {@code proof} shows the tree of {@code newSize} leaves with {@code newRoot}
	 * extends the tree of {@code oldSize} leaves with {@code oldRoot}. Equal sizes, which
	 * the RFC's algorithm does not cover, are consistent only with an empty proof and
	 * equal roots.
	 */
	public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
			List<byte[]> proof) {
		if (!isHash(oldRoot) || !isHash(newRoot) || !allHashes(proof) || oldSize <= 0 || oldSize > newSize) {
			return false;
		}
		if (oldSize == newSize) {
			return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
		}
		if (proof.isEmpty()) {
			return false;
		}
		int next = 0;
		byte[] first;
		if (Long.bitCount(oldSize) == 1) {
			first = oldRoot;
		}
		else {
			first = proof.get(next++);
		}
		long fn = oldSize - 1;
		long sn = newSize - 1;
		while ((fn & 1) == 1) {
			fn >>>= 1;
			sn >>>= 1;
		}
		byte[] fr = first;
		byte[] sr = first;
		for (; next < proof.size(); next++) {
			byte[] c = proof.get(next);
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = MerkleHash.node(c, fr);
				sr = MerkleHash.node(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>>= 1;
						sn >>>= 1;
					}
				}
			}
			else {
				sr = MerkleHash.node(sr, c);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		return MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot) && sn == 0;
	}

	private static boolean isHash(byte[] hash) {
		return hash != null && hash.length == MerkleHash.SIZE;
	}

	private static boolean allHashes(List<byte[]> proof) {
		if (proof == null) {
			return false;
		}
		for (byte[] hash : proof) {
			if (!isHash(hash)) {
				return false;
			}
		}
		return true;
	}

}
