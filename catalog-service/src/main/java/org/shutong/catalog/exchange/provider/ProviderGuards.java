package org.shutong.catalog.exchange.provider;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.shutong.catalog.exchange.ExchangeProblem;
import org.shutong.catalog.exchange.ExchangeProperties;
import org.shutong.platform.problem.ProblemException;

/**
 * A circuit breaker and a bulkhead per provider system (resilience4j): a provider that
 * keeps failing is not called for a while, and a slow one holds at most its own share of
 * calls, so neither costs the consumers of other providers anything.
 */
final class ProviderGuards {

	private final CircuitBreakerRegistry breakers;

	private final BulkheadRegistry bulkheads;

	ProviderGuards(ExchangeProperties.CircuitBreaker settings, int defaultMaxConcurrentCalls) {
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRate())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
			.build());
		this.bulkheads = BulkheadRegistry.of(bulkhead(defaultMaxConcurrentCalls));
	}

	CircuitBreakerRegistry breakers() {
		return this.breakers;
	}

	BulkheadRegistry bulkheads() {
		return this.bulkheads;
	}

	/**
	 * Calls a provider through its guards; a {@link ProblemException} out of the call
	 * counts as the provider's failure.
	 */
	<T> T call(ProviderSystem provider, Supplier<T> call) {
		CircuitBreaker breaker = this.breakers.circuitBreaker(provider.host());
		if (!breaker.tryAcquirePermission()) {
			throw new ProblemException(ExchangeProblem.PROVIDER_UNAVAILABLE, "The provider system " + provider.host()
					+ " failed too often and is not called for a while; try again later.");
		}
		Bulkhead bulkhead = bulkhead(provider);
		if (!bulkhead.tryAcquirePermission()) {
			breaker.releasePermission();
			throw new ProblemException(ExchangeProblem.PROVIDER_UNAVAILABLE, "The provider system " + provider.host()
					+ " already has " + provider.maxConcurrentCalls() + " queries in flight.");
		}
		long start = System.nanoTime();
		try {
			T result = call.get();
			breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return result;
		}
		catch (RuntimeException ex) {
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		finally {
			bulkhead.onComplete();
		}
	}

	/** The provider's bulkhead, replaced when the administrator changed its size. */
	private Bulkhead bulkhead(ProviderSystem provider) {
		Bulkhead bulkhead = this.bulkheads.bulkhead(provider.host(), bulkhead(provider.maxConcurrentCalls()));
		if (bulkhead.getBulkheadConfig().getMaxConcurrentCalls() != provider.maxConcurrentCalls()) {
			Bulkhead resized = Bulkhead.of(provider.host(), bulkhead(provider.maxConcurrentCalls()));
			this.bulkheads.replace(provider.host(), resized);
			return resized;
		}
		return bulkhead;
	}

	private static BulkheadConfig bulkhead(int maxConcurrentCalls) {
		return BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(Duration.ZERO).build();
	}

}
