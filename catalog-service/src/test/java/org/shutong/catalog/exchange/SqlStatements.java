package org.shutong.catalog.exchange;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends, as the exchange tests' statement inspector: what it sent on
 * the test's own thread while an action ran. The outbox's inserts are Spring Modulith's
 * JDBC, not Hibernate's, and are not seen here.
 */
final class SqlStatements implements StatementInspector {

	private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	@Override
	public String inspect(String sql) {
		List<String> statements = this.recording.get();
		if (statements != null) {
			statements.add(sql);
		}
		return sql;
	}

	List<String> during(Runnable action) {
		List<String> statements = new ArrayList<>();
		this.recording.set(statements);
		try {
			action.run();
		}
		finally {
			this.recording.remove();
		}
		return statements;
	}

}
