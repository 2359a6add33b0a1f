package org.shutong.catalog.exchange.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A provider system the broker may call, by host, as the administrator allowed it, with
 * its timeout and how many calls may be in flight at once.
 */
@Entity
@Table(name = "exchange_provider")
public class ProviderSystem {

	@Id
	private String host;

	private String description;

	@Column(name = "timeout_ms")
	private int timeoutMillis;

	@Column(name = "max_concurrent_calls")
	private int maxConcurrentCalls;

	@Column(name = "changed_at")
	private Instant changedAt;

	@Column(name = "changed_by")
	private String changedBy;

	protected ProviderSystem() {
	}

	ProviderSystem(String host, ProviderSettings settings, String changedBy, Instant changedAt) {
		this.host = host;
		change(settings, changedBy, changedAt);
	}

	void change(ProviderSettings settings, String changedBy, Instant changedAt) {
		this.description = settings.description();
		this.timeoutMillis = settings.timeoutMillis();
		this.maxConcurrentCalls = settings.maxConcurrentCalls();
		this.changedBy = changedBy;
		this.changedAt = changedAt.truncatedTo(ChronoUnit.MICROS);
	}

	public String host() {
		return this.host;
	}

	public String description() {
		return this.description;
	}

	public Duration timeout() {
		return Duration.ofMillis(this.timeoutMillis);
	}

	public int maxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	public Instant changedAt() {
		return this.changedAt;
	}

	public String changedBy() {
		return this.changedBy;
	}

}
