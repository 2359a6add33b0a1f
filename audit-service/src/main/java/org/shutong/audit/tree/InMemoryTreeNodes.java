package org.shutong.audit.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Complete subtrees held in memory. Appending a leaf stores it and every subtree it
 * completes, so each node is hashed and stored once and n appends cost O(n) in total.
 */
public final class InMemoryTreeNodes implements TreeNodes {

	private final List<List<byte[]>> levels = new ArrayList<>();

	/**
	 * Appends a leaf hash.
	 * @return the index of the new leaf
	 */
	public synchronized long append(byte[] leafHash) {
		if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
			throw new IllegalArgumentException("A leaf hash must be " + MerkleHash.SIZE + " bytes");
		}
		long leafIndex = size();
		byte[] hash = leafHash.clone();
		int level = 0;
		while (true) {
			List<byte[]> nodes = level(level);
			nodes.add(hash);
			int index = nodes.size() - 1;
			if (index % 2 == 0) {
				return leafIndex;
			}
			hash = MerkleHash.node(nodes.get(index - 1), hash);
			level++;
		}
	}

	/** The number of leaves appended so far. */
	public synchronized long size() {
		return this.levels.isEmpty() ? 0 : this.levels.get(0).size();
	}

	@Override
	public synchronized byte[] node(int level, long index) {
		if (level < 0 || index < 0 || level >= this.levels.size() || index >= this.levels.get(level).size()) {
			throw new IllegalArgumentException("No complete subtree at level " + level + ", index " + index
					+ " in a tree of " + size() + " leaves");
		}
		return this.levels.get(level).get((int) index).clone();
	}

	private List<byte[]> level(int level) {
		if (level == this.levels.size()) {
			this.levels.add(new ArrayList<>());
		}
		return this.levels.get(level);
	}

}
