package org.shutong.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.audit.tree.MerkleHash;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves on the real server, with the privileges {@code infra/mysql/init.sql} grants the
 * audit service's own database user, that it can read and append events but never change
 * or remove one.
 */
class AuditGrantsMysqlTests extends ServiceUserMysqlTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void serviceUserReadsEvents() {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isNotNull();
	}

	@Test
	void serviceUserCannotUpdateEvents() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE audit_event SET purpose = 'rewritten'"))
			.havingRootCause()
			.withMessageContaining("UPDATE command denied");
	}

	@Test
	void serviceUserCannotDeleteEvents() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("DELETE FROM audit_event"))
			.havingRootCause()
			.withMessageContaining("DELETE command denied");
	}

	// Rolled back: the service user could never delete a node from the real schema.
	@Test
	void serviceUserAppendsAndReadsTreeNodes() {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			JdbcTreeNodes nodes = new JdbcTreeNodes(this.jdbc);
			long first = nodes.size();
			byte[] left = MerkleHash.leaf(new byte[] { 1 });
			byte[] right = MerkleHash.leaf(new byte[] { 2 });
			nodes.appendAll(first, (first % 2 == 0) ? List.of(left, right) : List.of(left));

			assertThat(nodes.node(0, first)).isEqualTo(left);
		});
	}

	@Test
	void serviceUserCannotUpdateTreeNodes() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE tree_node SET hash = hash"))
			.havingRootCause()
			.withMessageContaining("UPDATE command denied");
	}

	@Test
	void serviceUserCannotDeleteTreeNodes() {
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc.update("DELETE FROM tree_node"))
			.havingRootCause()
			.withMessageContaining("DELETE command denied");
	}

	@Test
	void serviceUserCannotReadAnotherServicesSchema() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.queryForList("SELECT * FROM shutong_catalog.data_resource"))
			.havingRootCause()
			.withMessageContaining("denied");
	}

}
