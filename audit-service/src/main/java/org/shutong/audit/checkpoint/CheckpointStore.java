package org.shutong.audit.checkpoint;

import java.util.List;
import java.util.Optional;

import org.shutong.audit.log.DatabaseTimes;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed checkpoints in the append-only {@code checkpoint} table, one per tree size.
 */
public final class CheckpointStore {

	private final JdbcTemplate jdbc;

	public CheckpointStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Checkpoint> latest() {
		return first(this.jdbc.query("SELECT note FROM checkpoint ORDER BY tree_size DESC LIMIT 1",
				(rs, row) -> rs.getString(1)));
	}

	public Optional<Checkpoint> ofSize(long treeSize) {
		return first(this.jdbc.query("SELECT note FROM checkpoint WHERE tree_size = ?", (rs, row) -> rs.getString(1),
				treeSize));
	}

	void insert(Checkpoint checkpoint) {
		this.jdbc.update("INSERT INTO checkpoint (tree_size, root_hash, signed_at, note) VALUES (?, ?, ?, ?)",
				checkpoint.treeSize(), checkpoint.rootHash(), DatabaseTimes.of(checkpoint.timestamp()),
				checkpoint.note());
	}

	private static Optional<Checkpoint> first(List<String> notes) {
		return notes.stream().findFirst().map(Checkpoint::parse);
	}

}
