package org.shutong.catalog.quality;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.UpdateCycle;

/**
 * Whether the provider updated a resource as often as its update cycle promises: the next
 * update is due one cycle after the last reported one (after publication when none was
 * reported); past that the resource is stale.
 */
public record Freshness(Status status, UpdateCycle updateCycle, @Nullable Instant lastUpdatedAt, Instant dueAt) {

	public enum Status {

		FRESH, STALE, NEVER_REPORTED

	}

	static Freshness of(UpdateCycle cycle, @Nullable Instant lastUpdatedAt, Instant publishedAt, Instant now) {
		if (lastUpdatedAt == null) {
			return new Freshness(Status.NEVER_REPORTED, cycle, null, due(cycle, publishedAt));
		}
		Instant due = due(cycle, lastUpdatedAt);
		return new Freshness(now.isAfter(due) ? Status.STALE : Status.FRESH, cycle, lastUpdatedAt, due);
	}

	/** One cycle later; a real-time resource is expected to report at least daily. */
	static Instant due(UpdateCycle cycle, Instant from) {
		Period period = switch (cycle) {
			case REALTIME, DAILY -> Period.ofDays(1);
			case WEEKLY -> Period.ofWeeks(1);
			case MONTHLY -> Period.ofMonths(1);
			case QUARTERLY -> Period.ofMonths(3);
			case YEARLY -> Period.ofYears(1);
		};
		return from.atOffset(ZoneOffset.UTC).plus(period).toInstant();
	}

}
