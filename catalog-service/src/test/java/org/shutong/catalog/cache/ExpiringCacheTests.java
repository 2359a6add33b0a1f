package org.shutong.catalog.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.shutong.platform.testing.MutableClock;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is kept and for how long: a value until its time is up (or the clock is set back),
 * nothing for what the database does not have, and nothing that was read while its key
 * was being forgotten; forgetting waits for the transaction to commit.
 */
class ExpiringCacheTests {

	private static final Duration KEPT = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

	private final ExpiringCache<String, String> cache = new ExpiringCache<>(KEPT, this.clock);

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void keepsAValueUntilItsTimeIsUp() {
		assertThat(this.cache.get("a", read("1"))).contains("1");
		this.clock.advance(KEPT.minusMillis(1));
		assertThat(this.cache.get("a", read("2"))).contains("1");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.cache.get("a", read("3"))).contains("3");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void readsAgainWhenTheClockWasSetBack() {
		this.cache.get("a", read("1"));
		this.clock.advance(Duration.ofSeconds(-1));
		assertThat(this.cache.get("a", read("2"))).contains("2");
	}

	@Test
	void keepsNothingForWhatIsNotThereAndDropsWhatIsGone() {
		assertThat(this.cache.get("a", (key) -> Optional.empty())).isEmpty();
		assertThat(this.cache.get("a", read("1"))).contains("1");
		this.clock.advance(KEPT);
		assertThat(this.cache.get("a", (key) -> Optional.empty())).isEmpty();
		this.clock.advance(Duration.ofSeconds(-1));
		assertThat(this.cache.get("a", read("2"))).contains("2");
	}

	@Test
	void forgetsAKeyAndKeepsNothingReadWhileItWasForgotten() {
		this.cache.get("a", read("1"));
		this.cache.forget("a");
		assertThat(this.cache.get("a", (key) -> {
			this.cache.forget(key);
			return Optional.of("before the change");
		})).contains("before the change");
		assertThat(this.cache.get("a", read("after"))).contains("after");
		assertThat(this.cache.get("a", read("later"))).contains("after");
	}

	@Test
	void forgetsOnlyOnceTheTransactionCommits() {
		this.cache.get("a", read("1"));
		TransactionSynchronizationManager.initSynchronization();
		try {
			this.cache.forgetAfterCommit("a");
			assertThat(this.cache.get("a", read("2"))).contains("1");
			TransactionSynchronizationUtils.triggerAfterCommit();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(this.cache.get("a", read("2"))).contains("2");
		this.cache.forgetAfterCommit("a");
		assertThat(this.cache.get("a", read("3"))).contains("3");
	}

	private Function<String, Optional<String>> read(String value) {
		return (key) -> {
			this.reads.incrementAndGet();
			return Optional.of(value);
		};
	}

}
