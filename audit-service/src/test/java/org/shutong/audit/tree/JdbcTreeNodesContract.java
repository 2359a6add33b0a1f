package org.shutong.audit.tree;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.shutong.audit.log.SequencerLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link JdbcTreeNodes} stores exactly the nodes {@link InMemoryTreeNodes} computes, on
 * whichever database the subclass picks. Each test runs in a transaction rolled back at
 * its end, so every test starts from an empty table.
 */
abstract class JdbcTreeNodesContract {

	private static final int[] BATCH_SIZES = { 1, 3, 7, 64, 1, 2, 5, 128, 255, 31, 500, 16, 90 };

	private static final int TOTAL = 1103;

	@Autowired
	private JdbcTemplate jdbc;

	// A JDBC transaction manager, unlike the application's JPA one, allows savepoints.
	private PlatformTransactionManager transactions;

	@Autowired
	void setDataSource(DataSource dataSource) {
		this.transactions = new JdbcTransactionManager(dataSource);
	}

	@Test
	void batchesOfAnySizeStoreExactlyTheNodesOfTheInMemoryStore() {
		inRolledBackTransaction((nodes) -> {
			List<byte[]> leaves = TestLeaves.leafHashes(TOTAL);
			InMemoryTreeNodes expected = new InMemoryTreeNodes();
			int appended = 0;
			for (int batchSize : BATCH_SIZES) {
				List<byte[]> batch = leaves.subList(appended, appended + batchSize);
				nodes.appendAll(appended, batch);
				batch.forEach(expected::append);
				appended += batchSize;

				assertThat(nodes.size()).isEqualTo(appended);
				assertThat(storedNodes()).as("after %d leaves", appended).containsExactlyElementsOf(allNodes(expected));
			}
			assertThat(appended).isEqualTo(TOTAL);
		});
	}

	@Test
	void rootsAndProofsEqualThoseOverTheInMemoryStoreAndVerify() {
		inRolledBackTransaction((nodes) -> {
			List<byte[]> leaves = TestLeaves.leafHashes(TOTAL);
			appendInBatches(nodes, leaves);
			MerkleTree stored = new MerkleTree(nodes, TOTAL);
			MerkleTree expected = new MerkleTree(TestLeaves.store(leaves), TOTAL);
			for (long size : new long[] { 1, 2, 3, 7, 8, 64, 65, 500, 1024, 1025, TOTAL }) {
				byte[] root = stored.root(size);
				assertThat(root).as("root(%d)", size).isEqualTo(expected.root(size));
				for (long index : new long[] { 0, size / 3, size / 2, size - 1 }) {
					List<byte[]> proof = stored.inclusionProof(index, size);
					assertThat(proof).containsExactlyElementsOf(expected.inclusionProof(index, size));
					assertThat(MerkleProofs.verifyInclusion(leaves.get((int) index), index, size, proof, root))
						.isTrue();
				}
				for (long oldSize : new long[] { 1, size / 2 + 1, size - 1, size }) {
					if (oldSize < 1) {
						continue;
					}
					List<byte[]> proof = stored.consistencyProof(oldSize, size);
					assertThat(proof).containsExactlyElementsOf(expected.consistencyProof(oldSize, size));
					assertThat(MerkleProofs.verifyConsistency(oldSize, size, stored.root(oldSize), root, proof))
						.isTrue();
				}
			}
		});
	}

	@Test
	void readingAnIncompleteSubtreeIsRefused() {
		inRolledBackTransaction((nodes) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> nodes.node(0, 0))
				.withMessageContaining("level 0, index 0");
			assertThat(nodes.size()).isZero();
			nodes.appendAll(0, TestLeaves.leafHashes(5));

			assertThat(nodes.node(2, 0)).hasSize(MerkleHash.SIZE);
			assertThatIllegalArgumentException().isThrownBy(() -> nodes.node(0, 5))
				.withMessageContaining("level 0, index 5");
			assertThatIllegalArgumentException().isThrownBy(() -> nodes.node(1, 2))
				.withMessageContaining("level 1, index 2");
			assertThatIllegalArgumentException().isThrownBy(() -> nodes.node(3, 0))
				.withMessageContaining("level 3, index 0");
		});
	}

	@Test
	void aFailedAppendLeavesTheTableAsItWas() {
		inRolledBackTransaction((nodes) -> {
			List<byte[]> leaves = TestLeaves.leafHashes(16);
			nodes.appendAll(0, leaves.subList(0, 10));
			List<String> before = storedNodes();

			assertThatExceptionOfType(DuplicateKeyException.class)
				.isThrownBy(() -> inNestedTransaction(() -> nodes.appendAll(9, leaves.subList(9, 16))));
			assertThat(storedNodes()).isEqualTo(before);

			assertThatIllegalArgumentException()
				.isThrownBy(() -> inNestedTransaction(() -> nodes.appendAll(11, leaves.subList(11, 16))))
				.withMessageContaining("gap");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> inNestedTransaction(() -> nodes.appendAll(10, List.of(new byte[31]))))
				.withMessageContaining("32 bytes");
			assertThat(storedNodes()).isEqualTo(before);
			assertThat(nodes.size()).isEqualTo(10);
		});
	}

	private void appendInBatches(JdbcTreeNodes nodes, List<byte[]> leaves) {
		int appended = 0;
		for (int batchSize : BATCH_SIZES) {
			nodes.appendAll(appended, leaves.subList(appended, appended + batchSize));
			appended += batchSize;
		}
	}

	/**
	 * Starts from an empty table, holding the sequencer lock so that the running service
	 * appends nothing meanwhile; the rollback puts back what the service had logged.
	 */
	private void inRolledBackTransaction(Consumer<JdbcTreeNodes> test) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			SequencerLock.take(this.jdbc);
			this.jdbc.update("DELETE FROM tree_node");
			test.accept(new JdbcTreeNodes(this.jdbc));
		});
	}

	// A savepoint: the caller's transaction as the future sequencer will see it when an
	// append fails.
	private void inNestedTransaction(Runnable append) {
		TransactionTemplate nested = new TransactionTemplate(this.transactions);
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		nested.executeWithoutResult((status) -> append.run());
	}

	private List<String> storedNodes() {
		return this.jdbc.query("SELECT level, node_index, hash FROM tree_node ORDER BY level, node_index",
				(rs, row) -> describe(rs.getInt(1), rs.getLong(2), rs.getBytes(3)));
	}

	private static List<String> allNodes(InMemoryTreeNodes store) {
		List<String> nodes = new ArrayList<>();
		for (int level = 0; (store.size() >> level) > 0; level++) {
			for (long index = 0; index < (store.size() >> level); index++) {
				nodes.add(describe(level, index, store.node(level, index)));
			}
		}
		return nodes;
	}

	private static String describe(int level, long index, byte[] hash) {
		return level + "/" + index + "=" + HexFormat.of().formatHex(hash);
	}

}
