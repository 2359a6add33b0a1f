-- Archives of old events (retention). Each row describes one gzip NDJSON file of a contiguous
-- range of leaves, written by the archiver before any of them may be purged; the next archive
-- starts after MAX(last_leaf_index). Append-only like the log: the service's user may only
-- SELECT and INSERT. Purging archived events is an operator's command run as the schema owner,
-- and it deletes audit_event rows only, never tree_node or checkpoint rows.
INSERT INTO job_lock (name) VALUES ('event-archiver');

CREATE TABLE event_archive (
	first_leaf_index BIGINT NOT NULL,
	last_leaf_index BIGINT NOT NULL,
	event_count BIGINT NOT NULL,
	file_name VARCHAR(200) NOT NULL,
	sha256 CHAR(64) NOT NULL,
	cutoff DATETIME(6) NOT NULL,
	archived_at DATETIME(6) NOT NULL,
	checkpoint_size BIGINT NOT NULL,
	checkpoint_note VARCHAR(2000) NOT NULL,
	PRIMARY KEY (first_leaf_index),
	CONSTRAINT uk_event_archive_last UNIQUE (last_leaf_index)
);
