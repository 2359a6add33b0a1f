-- The hashes of the Merkle tree's complete subtrees (RFC 9162): level 0 holds the leaf hashes, and
-- (level, node_index) is the root of the 2^level leaves starting at leaf node_index * 2^level. Like
-- audit_event, append-only: a complete subtree never changes, so rows are inserted once and never
-- updated or deleted (on MySQL the service's user is granted SELECT and INSERT only).
CREATE TABLE tree_node (
	level TINYINT NOT NULL,
	node_index BIGINT NOT NULL,
	hash BINARY(32) NOT NULL,
	PRIMARY KEY (level, node_index)
);
