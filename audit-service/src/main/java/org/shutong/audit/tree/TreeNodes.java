package org.shutong.audit.tree;

/**
 * Where the hashes of complete subtrees are kept. Level 0 holds the leaf hashes; the node
 * at {@code (level, index)} is the root of the perfect subtree of {@code 2^level} leaves
 * starting at leaf {@code index * 2^level}. A table {@code (level, index, hash)} fits the
 * same contract.
 */
public interface TreeNodes {

	/**
	 * The hash of the complete subtree at {@code (level, index)}.
	 * @throws IllegalArgumentException if that subtree is not complete in this store
	 */
	byte[] node(int level, long index);

}
