package org.shutong.audit.event;

import java.time.Instant;

import org.shutong.platform.audit.AuditEvent;

/**
 * An event as the log holds it: where it is, when the log received it, and the event read
 * back from its leaf, the exact bytes hashed into the tree.
 */
public record EventRecord(long leafIndex, Instant receivedAt, AuditEvent event, byte[] leaf) {

}
