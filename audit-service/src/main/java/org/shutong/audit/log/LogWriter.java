package org.shutong.audit.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.shutong.audit.tree.JdbcTreeNodes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Appends one batch in one transaction: takes the sequencer lock, drops the events
 * already logged, gives the rest the next leaf indexes, and stores them with the tree
 * nodes they complete. Whatever fails rolls the whole batch back.
 */
final class LogWriter {

	private final JdbcTemplate jdbc;

	private final EventRows rows;

	private final JdbcTreeNodes nodes;

	private final TransactionOperations transactions;

	private final Clock clock;

	LogWriter(JdbcTemplate jdbc, TransactionOperations transactions, Clock clock) {
		this.jdbc = jdbc;
		this.rows = new EventRows(jdbc);
		this.nodes = new JdbcTreeNodes(jdbc);
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The events were looked up in the log before they were queued (see
	 * {@link AuditLog#append}), so the batch first goes in without looking again: a
	 * redelivery committed between that lookup and this transaction trips the unique
	 * event id, and the batch is then written again, looking up every id under the lock.
	 */
	List<Appended> write(List<Leaf> leaves) {
		try {
			return append(leaves, false);
		}
		catch (DuplicateKeyException ex) {
			return append(leaves, true);
		}
	}

	private List<Appended> append(List<Leaf> leaves, boolean lookUp) {
		List<Appended> appended = this.transactions.execute((status) -> {
			SequencerLock.take(this.jdbc);
			Map<UUID, Long> logged = lookUp
					? this.rows
						.logged(leaves.stream().map((leaf) -> leaf.event().eventId()).collect(Collectors.toSet()))
					: new HashMap<>();
			// The tree's size, not the table's: purging archived events deletes their
			// rows,
			// never their tree nodes.
			long size = this.nodes.size();
			List<Leaf> fresh = new ArrayList<>();
			List<Appended> results = new ArrayList<>(leaves.size());
			for (Leaf leaf : leaves) {
				UUID eventId = leaf.event().eventId();
				Long leafIndex = logged.get(eventId);
				if (leafIndex != null) {
					results.add(new Appended(eventId, leafIndex, true));
				}
				else {
					long next = size + fresh.size();
					logged.put(eventId, next);
					fresh.add(leaf);
					results.add(new Appended(eventId, next, false));
				}
			}
			if (!fresh.isEmpty()) {
				this.rows.insertAll(size, fresh, this.clock.instant());
				this.nodes.appendAll(size, fresh.stream().map(Leaf::hash).toList());
			}
			return results;
		});
		return (appended != null) ? appended : List.of();
	}

}
