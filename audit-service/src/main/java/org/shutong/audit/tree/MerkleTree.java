package org.shutong.audit.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code size} leaves of a log as the Merkle tree of RFC 9162 §2.1, answering
 * tree heads and proofs for that size or any smaller one. Everything is assembled from
 * complete subtrees read from {@link TreeNodes}, so each answer costs O(log n) node
 * reads.
 */
public final class MerkleTree {

	private final TreeNodes nodes;

	private final long size;

	/**
	 * @param nodes holds every complete subtree within the first {@code size} leaves
	 * @param size the number of leaves this tree covers
	 */
	public MerkleTree(TreeNodes nodes, long size) {
		if (nodes == null) {
			throw new IllegalArgumentException("Tree nodes are required");
		}
		if (size < 0) {
			throw new IllegalArgumentException("Tree size must not be negative, was " + size);
		}
		this.nodes = nodes;
		this.size = size;
	}

	public long size() {
		return this.size;
	}

	/** MTH of all the leaves of this tree. */
	public byte[] root() {
		return root(this.size);
	}

	/** MTH of the first {@code treeSize} leaves (RFC 9162 §2.1.1). */
	public byte[] root(long treeSize) {
		requireTreeSize("Tree size", treeSize);
		return (treeSize == 0) ? MerkleHash.emptyRoot() : rangeHash(0, treeSize);
	}

	/** PATH(leafIndex, D[treeSize]) of RFC 9162 §2.1.3.1, nearest sibling first. */
	public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
		requireTreeSize("Tree size", treeSize);
		if (leafIndex < 0 || leafIndex >= treeSize) {
			throw new IllegalArgumentException("Leaf index must be in [0, " + treeSize + ") for a tree of " + treeSize
					+ " leaves, was " + leafIndex);
		}
		List<byte[]> proof = new ArrayList<>();
		path(leafIndex, 0, treeSize, proof);
		return proof;
	}

	/** PROOF(oldSize, D[newSize]) of RFC 9162 §2.1.4.1. */
	public List<byte[]> consistencyProof(long oldSize, long newSize) {
		requireTreeSize("New tree size", newSize);
		if (oldSize <= 0 || oldSize > newSize) {
			throw new IllegalArgumentException("Old tree size must be in [1, " + newSize + "] for a new tree of "
					+ newSize + " leaves, was " + oldSize);
		}
		List<byte[]> proof = new ArrayList<>();
		subproof(oldSize, 0, newSize, true, proof);
		return proof;
	}

	private void path(long leafIndex, long start, long count, List<byte[]> proof) {
		if (count == 1) {
			return;
		}
		long split = largestPowerOfTwoBelow(count);
		if (leafIndex < split) {
			path(leafIndex, start, split, proof);
			proof.add(rangeHash(start + split, count - split));
		}
		else {
			path(leafIndex - split, start + split, count - split, proof);
			proof.add(rangeHash(start, split));
		}
	}

	private void subproof(long oldCount, long start, long count, boolean oldIsComplete, List<byte[]> proof) {
		if (oldCount == count) {
			if (!oldIsComplete) {
				proof.add(rangeHash(start, count));
			}
			return;
		}
		long split = largestPowerOfTwoBelow(count);
		if (oldCount <= split) {
			subproof(oldCount, start, split, oldIsComplete, proof);
			proof.add(rangeHash(start + split, count - split));
		}
		else {
			subproof(oldCount - split, start + split, count - split, false, proof);
			proof.add(rangeHash(start, split));
		}
	}

	/**
	 * MTH of leaves {@code [start, start + count)}. The RFC's recursion only ever asks
	 * for ranges whose start is a multiple of the largest power of two not above their
	 * length, so a power-of-two range is one stored node, and any other range is a stored
	 * left node plus a shorter right range.
	 */
	private byte[] rangeHash(long start, long count) {
		if (Long.bitCount(count) == 1) {
			int level = Long.numberOfTrailingZeros(count);
			return this.nodes.node(level, start >>> level);
		}
		long split = largestPowerOfTwoBelow(count);
		return MerkleHash.node(rangeHash(start, split), rangeHash(start + split, count - split));
	}

	private void requireTreeSize(String name, long treeSize) {
		if (treeSize < 0 || treeSize > this.size) {
			throw new IllegalArgumentException(name + " must be in [0, " + this.size + "] for a tree of " + this.size
					+ " leaves, was " + treeSize);
		}
	}

	/**
	 * The k of RFC 9162 §2.1.1: the largest power of two smaller than {@code n}, for n >
	 * 1.
	 */
	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

}
