package org.shutong.catalog.quality;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.UpdateCycle;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessTests {

	private static final Instant PUBLISHED = Instant.parse("2026-01-31T08:00:00Z");

	@Test
	void neverReportedIsDueOneCycleAfterPublication() {
		Freshness freshness = Freshness.of(UpdateCycle.WEEKLY, null, PUBLISHED, PUBLISHED.plusSeconds(60));
		assertThat(freshness.status()).isEqualTo(Freshness.Status.NEVER_REPORTED);
		assertThat(freshness.lastUpdatedAt()).isNull();
		assertThat(freshness.dueAt()).isEqualTo(Instant.parse("2026-02-07T08:00:00Z"));
	}

	@Test
	void freshUntilOneCycleAfterTheLastUpdateAndStaleAfterIt() {
		Instant updated = Instant.parse("2026-03-01T00:00:00Z");
		Instant due = Instant.parse("2026-03-02T00:00:00Z");
		assertThat(Freshness.of(UpdateCycle.DAILY, updated, PUBLISHED, due).status()).isEqualTo(Freshness.Status.FRESH);
		Freshness stale = Freshness.of(UpdateCycle.DAILY, updated, PUBLISHED, due.plusSeconds(1));
		assertThat(stale.status()).isEqualTo(Freshness.Status.STALE);
		assertThat(stale.dueAt()).isEqualTo(due);
		assertThat(stale.lastUpdatedAt()).isEqualTo(updated);
	}

	@Test
	void cyclesOfMonthsAndYearsFollowTheCalendar() {
		assertThat(Freshness.due(UpdateCycle.MONTHLY, PUBLISHED)).isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
		assertThat(Freshness.due(UpdateCycle.QUARTERLY, PUBLISHED)).isEqualTo(Instant.parse("2026-04-30T08:00:00Z"));
		assertThat(Freshness.due(UpdateCycle.YEARLY, PUBLISHED)).isEqualTo(Instant.parse("2027-01-31T08:00:00Z"));
		assertThat(Freshness.due(UpdateCycle.REALTIME, PUBLISHED)).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
	}

}
