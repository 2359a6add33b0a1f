package org.shutong.audit.tree;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complete subtrees in the append-only {@code tree_node} table. Appending reads only the
 * left siblings that lie before the batch (at most one per level) and writes each new
 * node once, in one batched INSERT.
 */
public final class JdbcTreeNodes implements TreeNodes {

	private final JdbcTemplate jdbc;

	public JdbcTreeNodes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public byte[] node(int level, long index) {
		List<byte[]> hashes = this.jdbc.query("SELECT hash FROM tree_node WHERE level = ? AND node_index = ?",
				(rs, row) -> rs.getBytes(1), level, index);
		if (hashes.isEmpty()) {
			throw new IllegalArgumentException("No complete subtree at level " + level + ", index " + index);
		}
		return hashes.get(0);
	}

	/** The number of leaves stored, which are contiguous from index 0. */
	public long size() {
		Long size = this.jdbc.queryForObject("SELECT COALESCE(MAX(node_index) + 1, 0) FROM tree_node WHERE level = 0",
				Long.class);
		return (size != null) ? size : 0;
	}

	/**
	 * The hashes of up to {@code count} leaves from {@code firstLeafIndex} on, in leaf
	 * order.
	 */
	public List<byte[]> leafHashes(long firstLeafIndex, int count) {
		return this.jdbc.query(
				"SELECT hash FROM tree_node WHERE level = 0 AND node_index >= ? AND node_index < ? ORDER BY node_index",
				(rs, row) -> rs.getBytes(1), firstLeafIndex, firstLeafIndex + count);
	}

	/**
	 * Stores the leaves {@code firstLeafIndex, firstLeafIndex + 1, ...} and every subtree
	 * they complete. Must run inside the caller's transaction, whose caller is the only
	 * writer: a failure (an index already used, a constraint) then leaves no node behind.
	 * @throws IllegalArgumentException if {@code firstLeafIndex} would leave a gap after
	 * the stored leaves, or a hash is not {@value MerkleHash#SIZE} bytes
	 * @throws org.springframework.dao.DuplicateKeyException if a leaf index is already
	 * used
	 */
	public void appendAll(long firstLeafIndex, List<byte[]> leafHashes) {
		if (firstLeafIndex > 0 && !leafExists(firstLeafIndex - 1)) {
			throw new IllegalArgumentException(
					"Leaf " + firstLeafIndex + " would leave a gap: leaf " + (firstLeafIndex - 1) + " is not stored");
		}
		Batch batch = new Batch();
		for (int i = 0; i < leafHashes.size(); i++) {
			SubtreeCompletion.append(firstLeafIndex + i, leafHashes.get(i), batch::leftSibling, batch::add);
		}
		this.jdbc.batchUpdate("INSERT INTO tree_node (level, node_index, hash) VALUES (?, ?, ?)", batch.rows);
	}

	private boolean leafExists(long index) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM tree_node WHERE level = 0 AND node_index = ?",
				Integer.class, index);
		return count != null && count > 0;
	}

	/**
	 * The rows of one append. A left sibling is the last node completed at its level, so
	 * keeping that one per level answers every lookup inside the batch; only the first at
	 * each level can lie before it, in the table.
	 */
	private final class Batch {

		private final List<Object[]> rows = new ArrayList<>();

		private final List<Node> lastAtLevel = new ArrayList<>();

		void add(int level, long index, byte[] hash) {
			this.rows.add(new Object[] { level, index, hash });
			Node node = new Node(index, hash);
			if (level == this.lastAtLevel.size()) {
				this.lastAtLevel.add(node);
			}
			else {
				this.lastAtLevel.set(level, node);
			}
		}

		byte[] leftSibling(int level, long index) {
			if (level < this.lastAtLevel.size() && this.lastAtLevel.get(level).index() == index) {
				return this.lastAtLevel.get(level).hash();
			}
			return node(level, index);
		}

	}

	private record Node(long index, byte[] hash) {
	}

}
