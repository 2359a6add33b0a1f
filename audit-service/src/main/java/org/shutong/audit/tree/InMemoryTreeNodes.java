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
		long leafIndex = size();
		SubtreeCompletion.append(leafIndex, leafHash, this::node, (level, index, hash) -> level(level).add(hash));
		return leafIndex;
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
