package org.shutong.platform.audit;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service delivers its audit events. The defaults live in
 * {@code shutong-platform-defaults.yaml}.
 *
 * @param url the audit service's base URL; events go to {@code /api/audit/events}
 * @param clientSecret the service's own client secret (base64 of 32 bytes), with which it
 * gets {@code audit.write} tokens from the gateway; blank to use the one generated under
 * the data directory (embedded default)
 * @param batchSize the most events sent in one request (the audit service takes 1000)
 * @param linger how long the first event of a batch waits for others to join it
 * @param queueCapacity the most events waiting for delivery in memory; beyond it they
 * stay in the database for the next resubmission
 * @param resubmitInterval how often unacknowledged publications are looked for and sent
 * again
 * @param resubmitOlderThan how old a publication that was neither acknowledged nor failed
 * must be before it is taken for lost and sent again
 * @param connectTimeout the HTTP connect timeout, to the audit service and the gateway
 * @param readTimeout the HTTP read timeout, to the audit service and the gateway
 */
@ConfigurationProperties("shutong.audit")
@Validated
public record AuditProperties(@NotNull URI url, @Nullable String clientSecret, @Min(1) @Max(1000) int batchSize,
		@NotNull Duration linger, @Min(1) int queueCapacity, @NotNull Duration resubmitInterval,
		@NotNull Duration resubmitOlderThan, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {

}
