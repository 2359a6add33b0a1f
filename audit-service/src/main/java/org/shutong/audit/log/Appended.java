package org.shutong.audit.log;

import java.util.UUID;

/**
 * Where an event is in the log once its transaction committed.
 *
 * @param duplicate whether the log already held the event (from an earlier delivery or
 * earlier in the same batch), in which case {@code leafIndex} is that first one's
 */
public record Appended(UUID eventId, long leafIndex, boolean duplicate) {
}
