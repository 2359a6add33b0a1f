package org.shutong.audit.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.log.DatabaseTimes;
import org.shutong.audit.log.EventLeaves;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The tables the detector reads and appends to, never updating a row. Every method runs
 * inside the detector's transaction, which holds the detector's job lock.
 */
final class DetectorTables {

	static final String VOLUME = "VOLUME";

	static final String PERSONS = "PERSONS";

	private static final RowMapper<ScannedEvent> SCANNED = (rs, row) -> new ScannedEvent(rs.getLong(1),
			EventLeaves.parse(rs.getBytes(2)));

	private final JdbcTemplate jdbc;

	DetectorTables(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until no other instance is scanning; held until the transaction ends. */
	void lock() {
		this.jdbc.queryForObject("SELECT name FROM job_lock WHERE name = 'alert-detector' FOR UPDATE", String.class);
	}

	/** The last leaf index scanned, or -1. */
	long cursor() {
		Long last = this.jdbc.queryForObject("SELECT MAX(last_leaf_index) FROM alert_scan", Long.class);
		return (last != null) ? last : -1;
	}

	List<ScannedEvent> eventsAfter(long leafIndex, int limit) {
		return this.jdbc.query(
				"SELECT leaf_index, leaf FROM audit_event WHERE leaf_index > ? ORDER BY leaf_index LIMIT ?", SCANNED,
				leafIndex, limit);
	}

	/** A department's events among the leaves {@code first..last}, in leaf order. */
	List<ScannedEvent> eventsOf(String department, LeafRange range) {
		return this.jdbc
			.query("SELECT leaf_index, leaf FROM audit_event WHERE leaf_index BETWEEN ? AND ? AND actor_department = ?"
					+ " ORDER BY leaf_index", SCANNED, range.first(), range.last(), department);
	}

	void insertScan(long first, long last, int events, Instant scannedAt) {
		this.jdbc.update(
				"INSERT INTO alert_scan (first_leaf_index, last_leaf_index, event_count, scanned_at) VALUES (?, ?, ?, ?)",
				first, last, events, DatabaseTimes.of(scannedAt));
	}

	void insertTally(String kind, String department, Instant windowStart, long scanFirst, List<ScannedEvent> events) {
		this.jdbc.update(
				"INSERT INTO alert_tally (kind, department, window_start, scan_first_leaf_index, event_count,"
						+ " first_leaf_index, last_leaf_index) VALUES (?, ?, ?, ?, ?, ?, ?)",
				kind, department, DatabaseTimes.of(windowStart), scanFirst, events.size(), events.get(0).leafIndex(),
				events.get(events.size() - 1).leafIndex());
	}

	/**
	 * The events counted of a kind for a department in windows starting in [from, to).
	 */
	long count(String kind, String department, Instant from, Instant to) {
		Long sum = this.jdbc.queryForObject(
				"SELECT SUM(event_count) FROM alert_tally WHERE kind = ? AND department = ? AND window_start >= ?"
						+ " AND window_start < ?",
				Long.class, kind, department, DatabaseTimes.of(from), DatabaseTimes.of(to));
		return (sum != null) ? sum : 0;
	}

	/** Where the counted events of one window lie in the log. */
	LeafRange range(String kind, String department, Instant windowStart) {
		return this.jdbc.queryForObject(
				"SELECT MIN(first_leaf_index), MAX(last_leaf_index) FROM alert_tally WHERE kind = ? AND department = ?"
						+ " AND window_start = ?",
				(rs, row) -> new LeafRange(rs.getLong(1), rs.getLong(2)), kind, department,
				DatabaseTimes.of(windowStart));
	}

	Optional<Long> alertId(String dedupKey) {
		return this.jdbc.queryForList("SELECT id FROM alert WHERE dedup_key = ?", Long.class, dedupKey)
			.stream()
			.findFirst();
	}

	long lastAlertId() {
		Long last = this.jdbc.queryForObject("SELECT MAX(id) FROM alert", Long.class);
		return (last != null) ? last : 0;
	}

	void insertAlert(long id, AlertRule rule, @Nullable String department, Instant windowStart, Instant windowEnd,
			String summary, Instant raisedAt, String dedupKey) {
		this.jdbc.update(
				"INSERT INTO alert (id, rule_code, department, window_start, window_end, summary, raised_at, dedup_key)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				id, rule.name(), department, DatabaseTimes.of(windowStart), DatabaseTimes.of(windowEnd), summary,
				DatabaseTimes.of(raisedAt), dedupKey);
	}

	void insertEvidence(long alertId, Collection<Long> leafIndexes) {
		this.jdbc.batchUpdate("INSERT INTO alert_event (alert_id, leaf_index) VALUES (?, ?)",
				leafIndexes.stream().map((leafIndex) -> new Object[] { alertId, leafIndex }).toList());
	}

	record LeafRange(long first, long last) {
	}

}
