-- The lock every instance's sequencer takes (SELECT ... FOR UPDATE) before appending to the log
-- or signing a checkpoint, so that exactly one writes at a time. The row is never changed.
CREATE TABLE sequencer_lock (
	id INT NOT NULL,
	PRIMARY KEY (id)
);
INSERT INTO sequencer_lock (id) VALUES (1);

-- Signed checkpoints (C2SP tlog-checkpoint signed notes), one per tree size, append-only like
-- the events: the service's user may only SELECT and INSERT them.
CREATE TABLE checkpoint (
	tree_size BIGINT NOT NULL,
	root_hash BINARY(32) NOT NULL,
	signed_at DATETIME(6) NOT NULL,
	note VARCHAR(2000) NOT NULL,
	PRIMARY KEY (tree_size)
);
