package org.shutong.audit.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the accesses of one scan bring to each rule, grouped by department and time
 * window. Windows are cut by when the access occurred, not when it was logged, so an
 * event delivered late still lands in its own hour.
 */
final class ScanFindings {

	static final Duration HOUR = Duration.ofHours(1);

	/** Every access of a department, per hour: {@code VOLUME_SPIKE}. */
	final Map<Window, List<ScannedEvent>> volume = new LinkedHashMap<>();

	/** A department's successful accesses about a person, per short window. */
	final Map<Window, List<ScannedEvent>> personReads = new LinkedHashMap<>();

	/**
	 * Accesses returning at least the configured rows of maybe personal data, per hour.
	 */
	final Map<Window, List<ScannedEvent>> bulkRows = new LinkedHashMap<>();

	final Map<Window, List<ScannedEvent>> offHours = new LinkedHashMap<>();

	final Map<Window, List<ScannedEvent>> noServiceItem = new LinkedHashMap<>();

	static ScanFindings of(List<ScannedEvent> events, Accesses accesses, AlertSettings settings) {
		ScanFindings findings = new ScanFindings();
		Duration personWindow = settings.bulkRead().window();
		for (ScannedEvent scanned : events) {
			if (!accesses.isAccess(scanned)) {
				continue;
			}
			String department = scanned.department();
			Instant occurredAt = scanned.event().occurredAt();
			Window hour = new Window(department, occurredAt.truncatedTo(ChronoUnit.HOURS));
			if (department != null) {
				add(findings.volume, hour, scanned);
			}
			if (scanned.isPersonRead()) {
				long length = personWindow.toSeconds();
				Instant start = Instant.ofEpochSecond(Math.floorDiv(occurredAt.getEpochSecond(), length) * length);
				add(findings.personReads, new Window(department, start), scanned);
			}
			if (scanned.rows() >= settings.bulkRead().rows() && scanned.mayBePersonal()) {
				add(findings.bulkRows, hour, scanned);
			}
			if (!settings.workingHours().isWorkingTime(occurredAt)) {
				add(findings.offHours, hour, scanned);
			}
			if (!scanned.hasServiceItem()) {
				add(findings.noServiceItem, hour, scanned);
			}
		}
		return findings;
	}

	private static void add(Map<Window, List<ScannedEvent>> groups, Window window, ScannedEvent scanned) {
		groups.computeIfAbsent(window, (key) -> new ArrayList<>()).add(scanned);
	}

	static List<Long> leaves(List<ScannedEvent> events) {
		return events.stream().map(ScannedEvent::leafIndex).toList();
	}

	/**
	 * @param department null for actors without one
	 */
	record Window(@Nullable String department, Instant start) {
	}

}
