package org.shutong.audit.tree;

/**
 * Which complete subtrees appending one leaf completes, and their hashes: the leaf itself
 * at level 0 and, while the new node is a right child, its parent. The one place both
 * stores compute nodes, so they cannot disagree.
 */
final class SubtreeCompletion {

	private SubtreeCompletion() {
	}

	/** Receives each completed node, lowest level first. */
	@FunctionalInterface
	interface Completed {

		void node(int level, long index, byte[] hash);

	}

	/**
	 * Hands {@code completed} every node that appending {@code leafHash} at
	 * {@code leafIndex} completes. The left siblings are read from {@code leftSiblings};
	 * each is the node most recently completed at its level, and is read before the node
	 * to its right is handed over.
	 */
	static void append(long leafIndex, byte[] leafHash, TreeNodes leftSiblings, Completed completed) {
		if (leafIndex < 0) {
			throw new IllegalArgumentException("A leaf index cannot be negative: " + leafIndex);
		}
		if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
			throw new IllegalArgumentException("A leaf hash must be " + MerkleHash.SIZE + " bytes");
		}
		byte[] hash = leafHash.clone();
		long index = leafIndex;
		int level = 0;
		while (true) {
			// Read before handing over the node, so a store that keeps only the last node
			// of
			// each level still has the sibling.
			byte[] leftSibling = (index % 2 == 1) ? leftSiblings.node(level, index - 1) : null;
			completed.node(level, index, hash);
			if (leftSibling == null) {
				return;
			}
			hash = MerkleHash.node(leftSibling, hash);
			level++;
			index /= 2;
		}
	}

}
