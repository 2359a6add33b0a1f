package org.shutong.audit.retention;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import org.shutong.audit.log.DatabaseTimes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code event_archive} table and what archiving reads of (and purging deletes from)
 * {@code audit_event}.
 */
final class ArchiveTables {

	private static final RowMapper<ArchiveManifest> MANIFEST = (rs, row) -> new ArchiveManifest(
			rs.getString("file_name"), rs.getLong("first_leaf_index"), rs.getLong("last_leaf_index"),
			rs.getLong("event_count"), rs.getString("sha256"), instant(rs.getObject("cutoff", LocalDateTime.class)),
			instant(rs.getObject("archived_at", LocalDateTime.class)), rs.getLong("checkpoint_size"),
			rs.getString("checkpoint_note"));

	private final JdbcTemplate jdbc;

	ArchiveTables(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until no other instance is archiving; held until the transaction ends. */
	void lock() {
		this.jdbc.queryForObject("SELECT name FROM job_lock WHERE name = 'event-archiver' FOR UPDATE", String.class);
	}

	/** The first leaf no archive holds. */
	long nextLeaf() {
		Long last = this.jdbc.queryForObject("SELECT MAX(last_leaf_index) FROM event_archive", Long.class);
		return (last != null) ? last + 1 : 0;
	}

	/**
	 * The first leaf from {@code from} (inclusive) to {@code to} (exclusive) that
	 * occurred or was logged at or after the cutoff.
	 */
	OptionalLong firstNotOlderThan(long from, long to, Instant cutoff) {
		String time = DatabaseTimes.of(cutoff);
		return this.jdbc
			.queryForList(
					"SELECT leaf_index FROM audit_event WHERE leaf_index >= ? AND leaf_index < ? AND"
							+ " (received_at >= ? OR occurred_at >= ?) ORDER BY leaf_index LIMIT 1",
					Long.class, from, to, time, time)
			.stream()
			.mapToLong(Long::longValue)
			.findFirst();
	}

	/**
	 * How many of the leaves {@code first..last} occurred or were logged at or after the
	 * cutoff.
	 */
	long countNotOlderThan(long first, long last, Instant cutoff) {
		String time = DatabaseTimes.of(cutoff);
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE leaf_index BETWEEN ? AND ?"
				+ " AND (received_at >= ? OR occurred_at >= ?)", Long.class, first, last, time, time);
		return (count != null) ? count : 0;
	}

	long countEvents(long first, long last) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE leaf_index BETWEEN ? AND ?",
				Long.class, first, last);
		return (count != null) ? count : 0;
	}

	/**
	 * The stored leaves from {@code from} (inclusive) to {@code to} (exclusive), at most
	 * {@code limit}.
	 */
	List<StoredLeaf> leaves(long from, long to, int limit) {
		return this.jdbc.query(
				"SELECT leaf_index, leaf FROM audit_event WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index"
						+ " LIMIT ?",
				(rs, row) -> new StoredLeaf(rs.getLong(1), rs.getBytes(2)), from, to, limit);
	}

	/** Needs the DELETE privilege, which only the schema owner has. */
	int delete(long first, long last) {
		return this.jdbc.update("DELETE FROM audit_event WHERE leaf_index BETWEEN ? AND ?", first, last);
	}

	void insert(ArchiveManifest archive) {
		this.jdbc.update(
				"INSERT INTO event_archive (first_leaf_index, last_leaf_index, event_count, file_name, sha256,"
						+ " cutoff, archived_at, checkpoint_size, checkpoint_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				archive.firstLeafIndex(), archive.lastLeafIndex(), archive.count(), archive.file(), archive.sha256(),
				DatabaseTimes.of(archive.cutoff()), DatabaseTimes.of(archive.archivedAt()),
				archive.checkpointTreeSize(), archive.checkpointNote());
	}

	List<ArchiveManifest> all() {
		return this.jdbc.query("SELECT * FROM event_archive ORDER BY first_leaf_index", MANIFEST);
	}

	private static Instant instant(LocalDateTime utc) {
		return utc.toInstant(ZoneOffset.UTC);
	}

	record StoredLeaf(long leafIndex, byte[] leaf) {
	}

}
