package org.shutong.catalog.exchange;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.shutong.catalog.sharing.Grant;
import org.shutong.platform.problem.ProblemException;

import org.springframework.http.HttpHeaders;

/**
 * Each grant's request budgets (Bucket4j), per minute and per day: a consumer past either
 * gets a 429 with {@code Retry-After}. The budgets are kept by each instance of the
 * service.
 */
final class QueryQuotas {

	private final Cache<String, Bucket> buckets;

	private final Bandwidth perMinute;

	private final Bandwidth perDay;

	QueryQuotas(ExchangeProperties.Quota quota) {
		this.perMinute = Bandwidth.builder()
			.capacity(quota.perMinute())
			.refillGreedy(quota.perMinute(), Duration.ofMinutes(1))
			.build();
		this.perDay = Bandwidth.builder()
			.capacity(quota.perDay())
			.refillGreedy(quota.perDay(), Duration.ofDays(1))
			.build();
		// A grant idle for a day has full budgets again: nothing to remember.
		this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).maximumSize(100_000).build();
	}

	void consume(Grant grant) {
		Bucket bucket = this.buckets.get(grant.id(),
				(id) -> Bucket.builder().addLimit(this.perMinute).addLimit(this.perDay).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
			ProblemException exceeded = new ProblemException(ExchangeProblem.QUOTA_EXCEEDED,
					"The grant " + grant.id() + " has used its query budget; try again in " + seconds + " s.");
			exceeded.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			throw exceeded;
		}
	}

}
