package org.shutong.audit.log;

import org.shutong.audit.tree.MerkleHash;
import org.shutong.platform.audit.AuditEvent;

/**
 * A normalized event with its leaf bytes and their hash, computed once before the event
 * reaches the sequencer so that the sequencer's transaction does no hashing.
 */
record Leaf(AuditEvent event, byte[] bytes, byte[] hash) {

	static Leaf of(AuditEvent event) {
		AuditEvent normalized = EventLeaves.normalized(event);
		byte[] bytes = EventLeaves.of(normalized);
		return new Leaf(normalized, bytes, MerkleHash.leaf(bytes));
	}

}
