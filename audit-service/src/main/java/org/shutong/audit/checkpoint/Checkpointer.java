package org.shutong.audit.checkpoint;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.shutong.audit.log.Checkpointing;
import org.shutong.audit.log.SequencerLock;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.audit.tree.MerkleTree;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Signs the tree as it stands when it has grown past the latest checkpoint. Holds the
 * sequencer lock meanwhile, so the size it signs is the size it read, and two instances
 * never sign the same size twice.
 */
final class Checkpointer implements Checkpointing {

	private final JdbcTemplate jdbc;

	private final JdbcTreeNodes nodes;

	private final CheckpointStore checkpoints;

	private final CheckpointKey key;

	private final TransactionOperations transactions;

	private final Clock clock;

	Checkpointer(JdbcTemplate jdbc, JdbcTreeNodes nodes, CheckpointStore checkpoints, CheckpointKey key,
			TransactionOperations transactions, Clock clock) {
		this.jdbc = jdbc;
		this.nodes = nodes;
		this.checkpoints = checkpoints;
		this.key = key;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void checkpoint() {
		this.transactions.executeWithoutResult((status) -> {
			SequencerLock.take(this.jdbc);
			long size = this.nodes.size();
			long signed = this.checkpoints.latest().map(Checkpoint::treeSize).orElse(-1L);
			if (size > signed) {
				byte[] root = new MerkleTree(this.nodes, size).root();
				this.checkpoints
					.insert(Checkpoint.sign(this.key, size, root, this.clock.instant().truncatedTo(ChronoUnit.MICROS)));
			}
		});
	}

}
