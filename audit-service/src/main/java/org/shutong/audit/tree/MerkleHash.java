package org.shutong.audit.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 hashing of RFC 9162 §2.1.1: leaves and interior nodes get different
 * prefixes so that a leaf can never be passed off as a node (second-preimage resistance).
 */
public final class MerkleHash {

	/** Length in bytes of every hash in the tree. */
	public static final int SIZE = 32;

	private static final byte LEAF_PREFIX = 0x00;

	private static final byte NODE_PREFIX = 0x01;

	private MerkleHash() {
	}

	/** {@code SHA-256(0x00 || leaf)}. */
	public static byte[] leaf(byte[] leaf) {
		MessageDigest sha256 = sha256();
		sha256.update(LEAF_PREFIX);
		sha256.update(leaf);
		return sha256.digest();
	}

	/** {@code SHA-256(0x01 || left || right)}. */
	public static byte[] node(byte[] left, byte[] right) {
		MessageDigest sha256 = sha256();
		sha256.update(NODE_PREFIX);
		sha256.update(left);
		sha256.update(right);
		return sha256.digest();
	}

	/** The root of the tree with no leaves: {@code SHA-256("")}. */
	public static byte[] emptyRoot() {
		return sha256().digest();
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
