package org.shutong.audit.retention;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long events stay in the database, and where they go after.
 *
 * @param archiveAfter how old an event must be, both by when it occurred and by when it
 * was logged, to be archived (and, by the operator's command, purged); never under 180
 * days
 * @param directory where archive files and their manifests are written
 * @param archiveEnabled whether the archiver runs in the background
 * @param archiveInterval the pause between two runs
 * @param maxEventsPerFile the most events in one archive file
 * @param purgeArchived the operator's command: purge archived events, then exit
 */
@ConfigurationProperties("shutong.audit.retention")
@Validated
public record RetentionSettings(@NotNull @DurationMin(days = MINIMUM_DAYS,
		message = "must be at least 180 days: audit events are network logs, which must be kept at least six"
				+ " months (Cybersecurity Law art. 21), so none may be archived and purged sooner") Duration archiveAfter,
		@NotBlank String directory, boolean archiveEnabled, @NotNull @DurationMin(minutes = 1) Duration archiveInterval,
		@Min(1) @Max(10_000_000) int maxEventsPerFile, boolean purgeArchived) {

	public static final int MINIMUM_DAYS = 180;

	Path archiveDirectory() {
		return Path.of(this.directory);
	}

}
