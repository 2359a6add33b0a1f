package org.shutong.catalog.exchange.provider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.shutong.catalog.cache.ExpiringCache;
import org.shutong.catalog.exchange.ExchangeProblem;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.audit.AuditPublisher;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;
import org.slf4j.MDC;

import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider systems the broker may call, kept by the administrator: a catalogue entry
 * whose endpoint is on another host is never called, whatever its department declared.
 * Each change is audited in its transaction. The entries the broker reads for its queries
 * are kept by each instance for {@link #ENTRY_KEPT}: a change made through this instance
 * applies as soon as it commits, one made through another instance within
 * {@link #ENTRY_KEPT}.
 */
public class ProviderAllowlist {

	/** How long an entry read for queries is used before it is read again. */
	public static final Duration ENTRY_KEPT = Duration.ofSeconds(5);

	static final String ALLOW = "exchange.provider.allow";

	static final String REMOVE = "exchange.provider.remove";

	private final ProviderSystemRepository providers;

	private final AddressPolicy addresses;

	private final AuditPublisher audit;

	private final Clock clock;

	private final Duration defaultTimeout;

	private final int defaultMaxConcurrentCalls;

	private final ExpiringCache<String, ProviderSystem> entries;

	ProviderAllowlist(ProviderSystemRepository providers, AddressPolicy addresses, AuditPublisher audit, Clock clock,
			Duration defaultTimeout, int defaultMaxConcurrentCalls) {
		this.providers = providers;
		this.addresses = addresses;
		this.audit = audit;
		this.clock = clock;
		this.defaultTimeout = defaultTimeout;
		this.defaultMaxConcurrentCalls = defaultMaxConcurrentCalls;
		this.entries = new ExpiringCache<>(ENTRY_KEPT, clock);
	}

	@Transactional(readOnly = true)
	public List<ProviderSystem> list() {
		return this.providers.findAll(Sort.by("host"));
	}

	/** Allows a host, or changes how it is allowed. */
	@Transactional
	public ProviderSystem allow(Caller caller, String host, ProviderSettings requested) {
		String name = normalized(host);
		ProviderSettings settings = requested.withDefaults(this.defaultTimeout, this.defaultMaxConcurrentCalls);
		ProviderSystem provider = this.providers.findById(name).orElse(null);
		if (provider == null) {
			provider = this.providers.save(new ProviderSystem(name, settings, caller.subject(), this.clock.instant()));
		}
		else {
			provider.change(settings, caller.subject(), this.clock.instant());
		}
		publish(ALLOW, caller, name,
				Map.of("timeoutMillis", settings.timeoutMillis(), "maxConcurrentCalls", settings.maxConcurrentCalls()));
		this.entries.forgetAfterCommit(name);
		return provider;
	}

	@Transactional
	public void remove(Caller caller, String host) {
		String name = normalized(host);
		ProviderSystem provider = this.providers.findById(name)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No provider system " + name + "."));
		this.providers.delete(provider);
		publish(REMOVE, caller, name, Map.of());
		this.entries.forgetAfterCommit(name);
	}

	/**
	 * The entry of an endpoint's host, if it is on the allowlist: as read at most
	 * {@link #ENTRY_KEPT} ago, or read now (in the caller's transaction, if there is
	 * one). A host that is not on it is looked up again each time.
	 */
	public Optional<ProviderSystem> entry(URI endpoint) {
		return this.entries.get(normalized(endpoint.getHost()), this.providers::findById);
	}

	/**
	 * The allowed provider system behind an endpoint, given the entry {@link #entry}
	 * found for it, after checking where its host resolves to now.
	 */
	public ProviderSystem require(URI endpoint, Optional<ProviderSystem> entry) {
		String host = normalized(endpoint.getHost());
		ProviderSystem provider = entry.filter((allowed) -> allowed.host().equals(host))
			.orElseThrow(() -> new ProblemException(ExchangeProblem.PROVIDER_NOT_ALLOWED, "The provider's host " + host
					+ " is not on the platform's allowlist; the administrator allows provider systems."));
		this.addresses.check(host);
		return provider;
	}

	/** Host names compare without case; an IPv6 literal without its brackets. */
	static String normalized(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return (name.startsWith("[") && name.endsWith("]")) ? name.substring(1, name.length() - 1) : name;
	}

	private void publish(String action, Caller caller, String host, Map<String, Object> details) {
		this.audit.publish(new AuditEvent(UUID.randomUUID(), this.clock.instant(), "catalog-service", action,
				AuditOutcome.SUCCESS, AuditEvent.Actor.of(caller), null, "provider:" + host, null, null,
				MDC.get("traceId"), details));
	}

}
