package org.shutong.audit.alert;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;

/**
 * How the flow-risk detector reads the log and when it raises an alert.
 *
 * @param enabled whether the detector runs in the background (tests call it directly)
 * @param scanInterval the pause between two runs
 * @param scanBatchSize the most events one transaction scans
 * @param accessActions actions that count as an access even without a department or a
 * subject; any event with both counts anyway
 * @param eventsShown the most events an alert shows at once
 */
@ConfigurationProperties("shutong.audit.alerts")
@Validated
public record AlertSettings(boolean enabled, @NotNull @DurationMin(millis = 100) Duration scanInterval,
		@Min(1) @Max(50_000) int scanBatchSize,
		@NotNull Set<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*") String> accessActions,
		@Min(1) @Max(1000) int eventsShown, @NotNull @Valid Volume volume, @NotNull @Valid BulkRead bulkRead,
		@NotNull @Valid WorkingHours workingHours) {

	/**
	 * {@code VOLUME_SPIKE}: a department's accesses in one clock hour, against its hourly
	 * average over the days before.
	 *
	 * @param factor how many times the average the hour must exceed
	 * @param floor the fewest accesses in the hour that can raise an alert
	 * @param baselineDays how many days before the hour make the average
	 */
	public record Volume(@DecimalMin("1.0") double factor, @Min(1) int floor, @Min(1) @Max(90) int baselineDays) {
	}

	/**
	 * {@code BULK_PERSONAL_READ}: one access returning many rows ({@code details.rows})
	 * of data that is not an enterprise's, or one department reading many distinct
	 * persons within a short window.
	 *
	 * @param rows the fewest rows that make one access a bulk read
	 * @param distinctPersons the fewest distinct persons in one window that raise an
	 * alert
	 * @param window the length of those windows, counted from the epoch
	 */
	public record BulkRead(@Min(1) int rows, @Min(2) int distinctPersons,
			@NotNull @DurationMin(minutes = 1) @DurationMax(hours = 1) Duration window) {
	}

	/**
	 * {@code OFF_HOURS}: working time is {@code start} (inclusive) to {@code end}
	 * (exclusive) on the working days, in {@code zone}, except on holidays; make-up
	 * working days (调休) are working days whatever their weekday.
	 */
	public record WorkingHours(@NotNull ZoneId zone, @NotEmpty Set<DayOfWeek> days,
			@NotNull @DateTimeFormat(pattern = "H:mm") LocalTime start,
			@NotNull @DateTimeFormat(pattern = "H:mm") LocalTime end, @NotNull List<@NotNull LocalDate> holidays,
			@NotNull List<@NotNull LocalDate> makeUpDays) {

		@AssertTrue(message = "must end after it starts")
		public boolean isEndAfterStart() {
			return this.start == null || this.end == null || this.end.isAfter(this.start);
		}

		public boolean isWorkingTime(Instant instant) {
			ZonedDateTime local = instant.atZone(this.zone);
			LocalDate date = local.toLocalDate();
			boolean workingDay = this.makeUpDays.contains(date)
					|| (this.days.contains(date.getDayOfWeek()) && !this.holidays.contains(date));
			LocalTime time = local.toLocalTime();
			return workingDay && !time.isBefore(this.start) && time.isBefore(this.end);
		}

	}

}
