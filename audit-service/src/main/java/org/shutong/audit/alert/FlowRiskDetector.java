package org.shutong.audit.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.shutong.audit.alert.DetectorTables.LeafRange;
import org.shutong.audit.alert.ScanFindings.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Reads the log in leaf order from where the last scan stopped and raises flow-risk
 * alerts. A scan is one transaction that holds the detector's job lock, so that two
 * instances never scan at once: it reads the next events, counts them, raises or extends
 * alerts and records the range it scanned, all or nothing. The unique keys of the scan
 * and alert tables refuse a second scan of the same leaves or a second alert for the same
 * rule, department and window, should the lock ever fail.
 */
public final class FlowRiskDetector {

	private static final Logger logger = LoggerFactory.getLogger(FlowRiskDetector.class);

	/** The most batches one call scans, so that a long backlog yields between calls. */
	private static final int MAX_BATCHES = 50;

	private final DetectorTables tables;

	private final TransactionOperations transactions;

	private final AlertSettings settings;

	private final Accesses accesses;

	private final Summaries summaries;

	private final Clock clock;

	/** Each department's hourly average before an hour, for the hours seen lately. */
	private final Map<Window, Double> averages = Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Window, Double> eldest) {
			return size() > 10_000;
		}

	});

	FlowRiskDetector(DetectorTables tables, TransactionOperations transactions, AlertSettings settings, Clock clock) {
		this.tables = tables;
		this.transactions = transactions;
		this.settings = settings;
		this.accesses = new Accesses(settings.accessActions());
		this.summaries = new Summaries(settings);
		this.clock = clock;
	}

	/**
	 * Scans every event logged since the last scan (up to a bound per call).
	 * @return how many events were scanned
	 */
	public long scan() {
		long scanned = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			Integer count = this.transactions.execute((status) -> scanBatch());
			scanned += (count != null) ? count : 0;
			if (count == null || count < this.settings.scanBatchSize()) {
				break;
			}
		}
		return scanned;
	}

	/** The scheduled run: never throws, the next run tries again. */
	void scanInBackground() {
		try {
			scan();
		}
		catch (RuntimeException ex) {
			logger.warn("The flow-risk scan failed and will be retried: {}", ex.toString());
		}
	}

	private int scanBatch() {
		this.tables.lock();
		List<ScannedEvent> events = this.tables.eventsAfter(this.tables.cursor(), this.settings.scanBatchSize());
		if (events.isEmpty()) {
			return 0;
		}
		long first = events.get(0).leafIndex();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		new Batch(first, now).run(ScanFindings.of(events, this.accesses, this.settings));
		this.tables.insertScan(first, events.get(events.size() - 1).leafIndex(), events.size(), now);
		return events.size();
	}

	/** One batch's alerts, raised with consecutive ids. */
	private final class Batch {

		private final long first;

		private final Instant now;

		private long lastId;

		Batch(long first, Instant now) {
			this.first = first;
			this.now = now;
			this.lastId = FlowRiskDetector.this.tables.lastAlertId();
		}

		void run(ScanFindings findings) {
			DetectorTables tables = FlowRiskDetector.this.tables;
			Summaries summaries = FlowRiskDetector.this.summaries;
			findings.volume.forEach((window, events) -> tables.insertTally(DetectorTables.VOLUME, window.department(),
					window.start(), this.first, events));
			findings.personReads.forEach((window, events) -> tables.insertTally(DetectorTables.PERSONS,
					window.department(), window.start(), this.first, events));
			findings.bulkRows.forEach((window, events) -> raiseOrExtend(AlertRule.BULK_PERSONAL_READ, "rows", window,
					ScanFindings.HOUR, events,
					() -> Optional.of(new Raised(summaries.bulkRows(window, events), ScanFindings.leaves(events)))));
			findings.offHours
				.forEach((window, events) -> raiseOrExtend(AlertRule.OFF_HOURS, "", window, ScanFindings.HOUR, events,
						() -> Optional.of(new Raised(summaries.offHours(window), ScanFindings.leaves(events)))));
			findings.noServiceItem.forEach((window, events) -> raiseOrExtend(AlertRule.NO_SERVICE_ITEM, "", window,
					ScanFindings.HOUR, events,
					() -> Optional.of(new Raised(summaries.noServiceItem(window), ScanFindings.leaves(events)))));
			findings.volume.forEach((window, events) -> raiseOrExtend(AlertRule.VOLUME_SPIKE, "", window,
					ScanFindings.HOUR, events, () -> volumeSpike(window)));
			Duration personWindow = FlowRiskDetector.this.settings.bulkRead().window();
			findings.personReads.forEach((window, events) -> raiseOrExtend(AlertRule.BULK_PERSONAL_READ, "persons",
					window, personWindow, events, () -> manyPersons(window, personWindow)));
		}

		/**
		 * Adds this scan's events to the window's alert if it was raised already, or
		 * raises it if {@code raise} says so.
		 */
		private void raiseOrExtend(AlertRule rule, String variant, Window window, Duration length,
				List<ScannedEvent> events, Supplier<Optional<Raised>> raise) {
			DetectorTables tables = FlowRiskDetector.this.tables;
			String key = rule + "/" + variant + "/" + ((window.department() != null) ? window.department() : "-") + "/"
					+ window.start();
			Optional<Long> existing = tables.alertId(key);
			if (existing.isPresent()) {
				tables.insertEvidence(existing.get(), ScanFindings.leaves(events));
				return;
			}
			raise.get().ifPresent((raised) -> {
				long id = ++this.lastId;
				tables.insertAlert(id, rule, window.department(), window.start(), window.start().plus(length),
						raised.summary(), this.now, key);
				tables.insertEvidence(id, raised.leaves());
			});
		}

		private Optional<Raised> volumeSpike(Window window) {
			AlertSettings.Volume volume = FlowRiskDetector.this.settings.volume();
			DetectorTables tables = FlowRiskDetector.this.tables;
			String department = window.department();
			long count = tables.count(DetectorTables.VOLUME, department, window.start(),
					window.start().plus(ScanFindings.HOUR));
			if (count < volume.floor()) {
				return Optional.empty();
			}
			// The days before an hour change only by late deliveries, so each hour's
			// average is
			// read once per instance rather than summed again at every scan.
			double average = FlowRiskDetector.this.averages.computeIfAbsent(window,
					(key) -> tables.count(DetectorTables.VOLUME, department,
							window.start().minus(Duration.ofDays(volume.baselineDays())), window.start())
							/ (volume.baselineDays() * 24.0));
			if (count <= volume.factor() * average) {
				return Optional.empty();
			}
			Instant end = window.start().plus(ScanFindings.HOUR);
			List<Long> leaves = tables
				.eventsOf(department, tables.range(DetectorTables.VOLUME, department, window.start()))
				.stream()
				.filter((scanned) -> FlowRiskDetector.this.accesses.isAccess(scanned)
						&& within(scanned, window.start(), end))
				.map(ScannedEvent::leafIndex)
				.toList();
			return Optional.of(new Raised(FlowRiskDetector.this.summaries.volumeSpike(window, count, average), leaves));
		}

		private Optional<Raised> manyPersons(Window window, Duration length) {
			DetectorTables tables = FlowRiskDetector.this.tables;
			Instant end = window.start().plus(length);
			LeafRange range = tables.range(DetectorTables.PERSONS, window.department(), window.start());
			List<ScannedEvent> reads = tables.eventsOf(window.department(), range)
				.stream()
				.filter((scanned) -> scanned.isPersonRead() && within(scanned, window.start(), end))
				.toList();
			Set<String> persons = new HashSet<>();
			reads.forEach((scanned) -> persons.add(scanned.event().subject().reference()));
			if (persons.size() < FlowRiskDetector.this.settings.bulkRead().distinctPersons()) {
				return Optional.empty();
			}
			return Optional.of(new Raised(
					FlowRiskDetector.this.summaries.manyPersons(window, length, persons.size(), reads.size()),
					ScanFindings.leaves(reads)));
		}

		private static boolean within(ScannedEvent scanned, Instant from, Instant to) {
			Instant at = scanned.event().occurredAt();
			return !at.isBefore(from) && at.isBefore(to);
		}

	}

	private record Raised(String summary, List<Long> leaves) {
	}

}
