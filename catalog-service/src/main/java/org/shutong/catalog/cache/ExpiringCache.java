package org.shutong.catalog.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database that this instance keeps for a fixed time, for reads that
 * may be that much out of date. A key whose value this instance changes is forgotten once
 * the change commits ({@link #forgetAfterCommit}), so the instance sees its own changes
 * at once and another instance's within the time to live. What the database does not have
 * is not kept: it is read again each time, and appears as soon as it is stored.
 * <p>
 * Time is the application's {@link Clock}. An entry is stale too when the clock reads
 * earlier than when it was kept, so a clock set back never makes an entry live longer.
 * There is one entry per key ever read (the callers' keys are resource codes and allowed
 * hosts, so that is as many as the catalogue and the allowlist have).
 * <p>
 * A value read while its key was being forgotten is not kept. For that to hold, the read
 * must see what was committed before {@link #get} was called: under repeatable read,
 * where a transaction's snapshot begins with its first statement, look up what is kept
 * before anything else the transaction reads.
 *
 * @param <K> the key
 * @param <V> the value, which must not change once read
 */
public final class ExpiringCache<K, V> {

	private final Map<K, Kept<V>> entries = new ConcurrentHashMap<>();

	/** How many times a key has been forgotten; a read that saw it change is not kept. */
	private final AtomicLong forgotten = new AtomicLong();

	private final Duration timeToLive;

	private final Clock clock;

	public ExpiringCache(Duration timeToLive, Clock clock) {
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * The value kept for {@code key}, or what {@code read} finds, which is kept unless it
	 * is empty.
	 */
	public Optional<V> get(K key, Function<? super K, Optional<V>> read) {
		Instant now = this.clock.instant();
		Kept<V> kept = this.entries.get(key);
		if (kept != null && kept.freshAt(now, this.timeToLive)) {
			return Optional.of(kept.value());
		}
		// A read that raced with forgetting may have seen the value before the change:
		// it answers this call, but is not kept.
		long forgottenBefore = this.forgotten.get();
		Optional<V> value = read.apply(key);
		if (value.isPresent()) {
			Kept<V> fresh = new Kept<>(value.get(), now);
			this.entries.compute(key, (k, current) -> (this.forgotten.get() == forgottenBefore) ? fresh : current);
		}
		else if (kept != null) {
			this.entries.remove(key, kept);
		}
		return value;
	}

	/** Forgets {@code key} now. */
	public void forget(K key) {
		this.forgotten.incrementAndGet();
		this.entries.remove(key);
	}

	/**
	 * Forgets {@code key} once the current transaction commits, at once without one: a
	 * read before the commit would only find the value before the change again.
	 */
	public void forgetAfterCommit(K key) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget(key);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				forget(key);
			}

		});
	}

	private record Kept<V>(V value, Instant at) {

		boolean freshAt(Instant now, Duration timeToLive) {
			return !now.isBefore(this.at) && now.isBefore(this.at.plus(timeToLive));
		}

	}

}
