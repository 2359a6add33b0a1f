package org.shutong.audit.alert;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingHoursTests {

	/**
	 * Mon–Fri 08:30–18:00 Beijing time; 2026-10-01 (Thu) a holiday, 2026-09-27 (Sun) a
	 * make-up day.
	 */
	private final AlertSettings.WorkingHours hours = new AlertSettings.WorkingHours(ZoneId.of("Asia/Shanghai"),
			EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30), LocalTime.of(18, 0),
			List.of(LocalDate.of(2026, 10, 1)), List.of(LocalDate.of(2026, 9, 27)));

	@ParameterizedTest
	@CsvSource({ "2026-11-23T08:30:00+08:00, true", "2026-11-23T08:29:59.999999+08:00, false",
			"2026-11-23T17:59:59.999999+08:00, true", "2026-11-23T18:00:00+08:00, false",
			"2026-11-23T12:00:00+08:00, true", "2026-11-23T02:00:00Z, true", "2026-11-23T12:00:00Z, false",
			"2026-11-22T23:00:00Z, false", "2026-11-21T10:00:00+08:00, false", "2026-11-22T10:00:00+08:00, false",
			"2026-10-01T10:00:00+08:00, false", "2026-10-02T10:00:00+08:00, true", "2026-09-27T10:00:00+08:00, true",
			"2026-09-27T19:00:00+08:00, false" })
	void tellsWorkingTimeInBeijingTime(String at, boolean working) {
		assertThat(this.hours.isWorkingTime(Instant.from(java.time.OffsetDateTime.parse(at)))).isEqualTo(working);
	}

}
