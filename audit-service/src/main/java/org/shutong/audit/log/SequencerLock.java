package org.shutong.audit.log;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database lock that makes one writer of the log at a time, across every instance of
 * the audit service: the single row of {@code sequencer_lock}, locked until the calling
 * transaction ends. A second instance's sequencer waits on it, so the two never assign
 * the same leaf index.
 */
public final class SequencerLock {

	private SequencerLock() {
	}

	/** Must run inside a transaction, which holds the lock until it ends. */
	public static void take(JdbcTemplate jdbc) {
		jdbc.queryForObject("SELECT id FROM sequencer_lock WHERE id = 1 FOR UPDATE", Integer.class);
	}

}
