package org.shutong.audit.log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.audit.tree.MerkleTree;
import org.shutong.audit.tree.Rfc9162Reference;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers on one database, as two instances of the service would be: this instance's
 * sequencer and a second writer of its own, both appending at once. The sequencer lock
 * must keep every leaf index used once and the stored tree equal to the tree of the
 * stored leaves.
 */
abstract class ConcurrentWritersContract {

	private static final int BATCHES_PER_WRITER = 40;

	@Autowired
	private AuditLog log;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void twoInstancesAppendingAtOnceNeverShareALeafIndex() throws Exception {
		LogWriter secondInstance = new LogWriter(this.jdbc, new TransactionTemplate(this.transactions),
				Clock.systemUTC());
		List<Callable<List<Appended>>> work = new ArrayList<>();
		for (int i = 0; i < BATCHES_PER_WRITER; i++) {
			List<AuditEvent> first = batch(i % 5 + 1);
			List<Leaf> second = batch(i % 7 + 1).stream().map(Leaf::of).toList();
			work.add(() -> this.log.append(first));
			work.add(() -> secondInstance.write(second));
		}
		Set<Long> leafIndexes = new HashSet<>();
		int appended = 0;
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			for (Future<List<Appended>> result : threads.invokeAll(work)) {
				for (Appended event : result.get()) {
					assertThat(event.duplicate()).isFalse();
					leafIndexes.add(event.leafIndex());
					appended++;
				}
			}
		}

		assertThat(leafIndexes).hasSize(appended);
		long size = new JdbcTreeNodes(this.jdbc).size();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(size);
		List<byte[]> leafHashes = this.jdbc.query("SELECT leaf FROM audit_event ORDER BY leaf_index",
				(rs, row) -> Rfc9162Reference.leafHash(rs.getBytes(1)));
		assertThat(new MerkleTree(new JdbcTreeNodes(this.jdbc), size).root())
			.isEqualTo(Rfc9162Reference.mth(leafHashes));
	}

	@Test
	void theSameEventsDeliveredToBothInstancesAtOnceAreStoredOnce() throws Exception {
		LogWriter secondInstance = new LogWriter(this.jdbc, new TransactionTemplate(this.transactions),
				Clock.systemUTC());
		List<Callable<List<Appended>>> work = new ArrayList<>();
		List<AuditEvent> all = new ArrayList<>();
		for (int i = 0; i < BATCHES_PER_WRITER; i++) {
			List<AuditEvent> events = batch(3);
			all.addAll(events);
			work.add(() -> this.log.append(events));
			work.add(() -> secondInstance.write(events.stream().map(Leaf::of).toList()));
		}
		Map<UUID, Set<Long>> answers = new HashMap<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			for (Future<List<Appended>> result : threads.invokeAll(work)) {
				result.get()
					.forEach((event) -> answers.computeIfAbsent(event.eventId(), (id) -> new HashSet<>())
						.add(event.leafIndex()));
			}
		}

		assertThat(answers).hasSize(all.size())
			.allSatisfy((eventId, leafIndexes) -> assertThat(leafIndexes).hasSize(1));
		for (AuditEvent event : all) {
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE event_id = ?", Integer.class,
					event.eventId().toString()))
				.isOne();
		}
	}

	private static List<AuditEvent> batch(int size) {
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			events.add(AuditEvents.query(UUID.randomUUID(), Instant.now()));
		}
		return events;
	}

}
