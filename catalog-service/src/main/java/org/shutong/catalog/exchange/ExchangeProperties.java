package org.shutong.catalog.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The exchange broker's settings ({@code shutong.exchange.*}).
 *
 * @param issuer the {@code iss} of the tokens the broker signs for providers
 * @param signingKey base64 of 32 secret bytes behind the broker's P-256 signing key;
 * blank: generated under the data directory (embedded default only)
 * @param allowLoopback whether provider endpoints may be on this machine (local demo and
 * tests only)
 * @param defaultTimeout a provider's timeout unless its allowlist entry sets one
 * @param defaultMaxConcurrentCalls a provider's bulkhead unless its entry sets one
 * @param maxResponseSize the largest provider answer read
 * @param quota each grant's request budgets
 * @param circuitBreaker when a provider's circuit opens and for how long
 */
@ConfigurationProperties("shutong.exchange")
public record ExchangeProperties(String issuer, String signingKey, boolean allowLoopback, Duration defaultTimeout,
		int defaultMaxConcurrentCalls, DataSize maxResponseSize, Quota quota, CircuitBreaker circuitBreaker) {

	public record Quota(int perMinute, int perDay) {
	}

	/**
	 * @param window how many recent calls the failure rate is taken over
	 * @param minimumCalls how many calls in the window before the rate counts
	 * @param failureRate the failure rate in percent that opens the circuit
	 * @param openFor how long an open circuit refuses calls before letting a few try
	 * @param halfOpenCalls how many trial calls decide whether it closes again
	 */
	public record CircuitBreaker(int window, int minimumCalls, float failureRate, Duration openFor, int halfOpenCalls) {
	}

}
