-- The audit log (审计记录), append-only: rows are inserted in arrival order and never updated
-- or deleted (on MySQL the service's user is granted SELECT and INSERT only). leaf_index is the
-- event's position in the Merkle tree; leaf is the exact canonical bytes hashed into it.
CREATE TABLE audit_event (
	leaf_index BIGINT NOT NULL,
	event_id CHAR(36) NOT NULL,
	occurred_at DATETIME(6) NOT NULL,
	received_at DATETIME(6) NOT NULL,
	service VARCHAR(40) NOT NULL,
	action VARCHAR(64) NOT NULL,
	outcome VARCHAR(16) NOT NULL,
	actor_department CHAR(18),
	actor_client VARCHAR(100),
	actor_user VARCHAR(100),
	subject_kind VARCHAR(16),
	subject_reference VARCHAR(128),
	resource VARCHAR(200),
	service_item_code VARCHAR(64),
	purpose VARCHAR(500),
	trace_id VARCHAR(64),
	leaf VARBINARY(8000) NOT NULL,
	PRIMARY KEY (leaf_index),
	CONSTRAINT uk_audit_event_id UNIQUE (event_id)
);
