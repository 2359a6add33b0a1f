package org.shutong.audit.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.shutong.audit.alert.ScanFindings.Window;

/**
 * One line saying why an alert was raised, in the working-hours time zone.
 */
final class Summaries {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	private final AlertSettings settings;

	Summaries(AlertSettings settings) {
		this.settings = settings;
	}

	String volumeSpike(Window window, long count, double average) {
		AlertSettings.Volume volume = this.settings.volume();
		return String.format(Locale.ROOT,
				"%s made %d accesses in the hour from %s, more than %.1f times its hourly average of %.2f over the"
						+ " %d days before (and at least %d)",
				who(window), count, at(window.start()), volume.factor(), average, volume.baselineDays(),
				volume.floor());
	}

	String bulkRows(Window window, List<ScannedEvent> events) {
		long most = events.stream().mapToLong(ScannedEvent::rows).max().orElse(0);
		return String.format(Locale.ROOT,
				"%s read at least %d rows of personal data in one access in the hour from %s (%d rows at most)",
				who(window), this.settings.bulkRead().rows(), at(window.start()), most);
	}

	String manyPersons(Window window, Duration length, int persons, int reads) {
		return String.format(Locale.ROOT,
				"%s read the data of %d distinct persons (%d accesses) in the %d minutes from %s", who(window), persons,
				reads, length.toMinutes(), at(window.start()));
	}

	String offHours(Window window) {
		AlertSettings.WorkingHours hours = this.settings.workingHours();
		return String.format(Locale.ROOT,
				"%s accessed data outside working hours (%s to %s on working days) in the hour from %s", who(window),
				hours.start(), hours.end(), at(window.start()));
	}

	String noServiceItem(Window window) {
		return String.format(Locale.ROOT, "%s accessed data naming no service item in the hour from %s", who(window),
				at(window.start()));
	}

	private static String who(Window window) {
		return (window.department() != null) ? "Department " + window.department() : "An actor without a department";
	}

	private String at(Instant instant) {
		return MINUTE.format(instant.atZone(this.settings.workingHours().zone()));
	}

}
