package org.shutong.audit.log;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize the most events one transaction appends
 * @param queueCapacity the most requests waiting for the sequencer; beyond, a request is
 * refused with 503 and its publisher delivers again later
 * @param checkpointInterval how often a grown log is signed; the delay from an event's
 * commit to a checkpoint that includes it is at most about this long
 * @param timeout how long a request waits for its events to be committed
 */
@ConfigurationProperties("shutong.audit.sequencer")
@Validated
public record SequencerSettings(@Min(1) @Max(10_000) int batchSize, @Min(1) int queueCapacity,
		@NotNull Duration checkpointInterval, @NotNull Duration timeout) {
}
