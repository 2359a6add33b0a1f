package org.shutong.catalog.exchange.provider;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How the administrator allows a provider system.
 *
 * @param timeoutMillis how long the broker waits for the whole answer; default
 * {@code shutong.exchange.default-timeout}
 * @param maxConcurrentCalls how many of the broker's calls may be in flight at once;
 * default {@code shutong.exchange.default-max-concurrent-calls}
 */
public record ProviderSettings(@NotBlank @Size(max = 200) String description,
		@Min(100) @Max(60_000) @Nullable Integer timeoutMillis,
		@Min(1) @Max(1_000) @Nullable Integer maxConcurrentCalls) {

	ProviderSettings withDefaults(Duration timeout, int maxConcurrentCalls) {
		return new ProviderSettings(this.description,
				(this.timeoutMillis != null) ? this.timeoutMillis : (int) timeout.toMillis(),
				(this.maxConcurrentCalls != null) ? this.maxConcurrentCalls : maxConcurrentCalls);
	}

}
