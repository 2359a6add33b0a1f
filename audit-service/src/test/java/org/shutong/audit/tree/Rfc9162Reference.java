package org.shutong.audit.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 §2.1 transcribed as literally as possible over a plain list of leaf hashes,
 * with no regard for cost, to check the main code against. It deliberately uses nothing
 * from main.
 */
public final class Rfc9162Reference {

	private Rfc9162Reference() {
	}

	static byte[] sha256(byte[]... parts) {
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

	public static byte[] leafHash(byte[] entry) {
		return sha256(new byte[] { 0x00 }, entry);
	}

	static byte[] nodeHash(byte[] left, byte[] right) {
		return sha256(new byte[] { 0x01 }, left, right);
	}

	/**
	 * §2.1.1 MTH over leaf hashes (the leaf hashing of the definition is already
	 * applied).
	 */
	public static byte[] mth(List<byte[]> leafHashes) {
		int n = leafHashes.size();
		if (n == 0) {
			return sha256();
		}
		if (n == 1) {
			return leafHashes.get(0);
		}
		int k = k(n);
		return nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
	}

	/** §2.1.3.1 PATH(m, D[n]). */
	static List<byte[]> path(int m, List<byte[]> d) {
		int n = d.size();
		if (n == 1) {
			return new ArrayList<>();
		}
		int k = k(n);
		List<byte[]> result;
		if (m < k) {
			result = path(m, d.subList(0, k));
			result.add(mth(d.subList(k, n)));
		}
		else {
			result = path(m - k, d.subList(k, n));
			result.add(mth(d.subList(0, k)));
		}
		return result;
	}

	/** §2.1.4.1 PROOF(m, D[n]). */
	static List<byte[]> proof(int m, List<byte[]> d) {
		return subproof(m, d, true);
	}

	private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
		int n = d.size();
		if (m == n) {
			List<byte[]> result = new ArrayList<>();
			if (!b) {
				result.add(mth(d));
			}
			return result;
		}
		int k = k(n);
		List<byte[]> result;
		if (m <= k) {
			result = subproof(m, d.subList(0, k), b);
			result.add(mth(d.subList(k, n)));
		}
		else {
			result = subproof(m - k, d.subList(k, n), false);
			result.add(mth(d.subList(0, k)));
		}
		return result;
	}

	/** §2.1.3.2, step by step. */
	public static boolean verifyInclusion(byte[] hash, long leafIndex, long treeSize, List<byte[]> inclusionPath,
			byte[] rootHash) {
		if (leafIndex >= treeSize) {
			return false;
		}
		long fn = leafIndex;
		long sn = treeSize - 1;
		byte[] r = hash;
		for (byte[] p : inclusionPath) {
			if (sn == 0) {
				return false;
			}
			if (lsb(fn) || fn == sn) {
				r = nodeHash(p, r);
				if (!lsb(fn)) {
					while (!lsb(fn) && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
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

	/** §2.1.4.2, step by step, for first < second. */
	public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
			List<byte[]> consistencyPath) {
		if (consistencyPath.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(consistencyPath);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstHash);
		}
		long fn = first - 1;
		long sn = second - 1;
		while (lsb(fn)) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if (lsb(fn) || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				if (!lsb(fn)) {
					while (!lsb(fn) && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
	}

	/**
	 * The largest power of two smaller than n, found by counting up rather than by bit
	 * tricks.
	 */
	private static int k(int n) {
		int k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return k;
	}

	private static boolean lsb(long value) {
		return (value & 1) == 1;
	}

}
