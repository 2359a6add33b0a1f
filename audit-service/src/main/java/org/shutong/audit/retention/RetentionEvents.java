package org.shutong.audit.retention;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.shutong.audit.log.Appended;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what retention did to the log in the log itself: each archive written and each
 * purge, with the archive's leaves and SHA-256.
 */
final class RetentionEvents {

	private static final Logger logger = LoggerFactory.getLogger(RetentionEvents.class);

	private final Function<List<AuditEvent>, List<Appended>> log;

	private final Clock clock;

	RetentionEvents(Function<List<AuditEvent>, List<Appended>> log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Best effort: the archive or purge stands whether or not its event could be logged.
	 */
	void record(String action, ArchiveManifest archive, long events) {
		AuditEvent event = new AuditEvent(UUID.randomUUID(), this.clock.instant().truncatedTo(ChronoUnit.MICROS),
				"audit-service", action, AuditOutcome.SUCCESS, new Actor(null, "audit-service", null), null,
				archive.file(), null, null, null, Map.of("firstLeafIndex", archive.firstLeafIndex(), "lastLeafIndex",
						archive.lastLeafIndex(), "events", events, "sha256", archive.sha256()));
		try {
			this.log.apply(List.of(event));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not log {} of {}: {}", action, archive.file(), ex.toString());
		}
	}

}
