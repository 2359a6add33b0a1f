-- Flow-risk alerts (流动风险监测). Like the log itself these tables are append-only: the service's
-- user may only SELECT and INSERT (and lock rows), so every state change is an inserted row.

-- One row per background job that must run on one instance at a time; a run holds its row with
-- SELECT ... FOR UPDATE for as long as its transaction lasts. The rows are never changed.
CREATE TABLE job_lock (
	name VARCHAR(40) NOT NULL,
	PRIMARY KEY (name)
);
INSERT INTO job_lock (name) VALUES ('alert-detector');

-- Each run of the detector over a range of leaves. The detector resumes after
-- MAX(last_leaf_index); the keys refuse a second scan of the same leaves.
CREATE TABLE alert_scan (
	first_leaf_index BIGINT NOT NULL,
	last_leaf_index BIGINT NOT NULL,
	event_count INT NOT NULL,
	scanned_at DATETIME(6) NOT NULL,
	PRIMARY KEY (first_leaf_index),
	CONSTRAINT uk_alert_scan_last UNIQUE (last_leaf_index)
);

-- What one scan counted of one department's accesses in one time window: VOLUME (all accesses,
-- per hour) and PERSONS (successful accesses about a person, per short window). A window's count
-- is the sum over scans; first/last_leaf_index bound where its events lie in the log.
CREATE TABLE alert_tally (
	kind VARCHAR(16) NOT NULL,
	department CHAR(18) NOT NULL,
	window_start DATETIME(6) NOT NULL,
	scan_first_leaf_index BIGINT NOT NULL,
	event_count INT NOT NULL,
	first_leaf_index BIGINT NOT NULL,
	last_leaf_index BIGINT NOT NULL,
	PRIMARY KEY (kind, department, window_start, scan_first_leaf_index)
);

-- One alert per rule, department (null: an actor without one) and window; dedup_key holds
-- that identity so that no scan can raise the same alert twice.
CREATE TABLE alert (
	id BIGINT NOT NULL,
	rule_code VARCHAR(32) NOT NULL,
	department CHAR(18),
	window_start DATETIME(6) NOT NULL,
	window_end DATETIME(6) NOT NULL,
	summary VARCHAR(500) NOT NULL,
	raised_at DATETIME(6) NOT NULL,
	dedup_key VARCHAR(120) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uk_alert_dedup_key UNIQUE (dedup_key)
);
CREATE INDEX ix_alert_rule ON alert (rule_code, id);
CREATE INDEX ix_alert_department ON alert (department, id);

-- The logged events behind an alert; later scans add the events of its window they find.
CREATE TABLE alert_event (
	alert_id BIGINT NOT NULL,
	leaf_index BIGINT NOT NULL,
	PRIMARY KEY (alert_id, leaf_index),
	CONSTRAINT fk_alert_event_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

-- An auditor's acknowledgement: at most one per alert (the key), recorded with the id of the
-- audit.alert.acknowledge event that logged it.
CREATE TABLE alert_acknowledgement (
	alert_id BIGINT NOT NULL,
	acknowledged_by VARCHAR(100) NOT NULL,
	acknowledged_at DATETIME(6) NOT NULL,
	note VARCHAR(500) NOT NULL,
	event_id CHAR(36) NOT NULL,
	PRIMARY KEY (alert_id),
	CONSTRAINT fk_alert_acknowledgement_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);
