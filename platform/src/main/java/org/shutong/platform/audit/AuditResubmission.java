package org.shutong.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * Sends unacknowledged audit events again, once the service is ready and then every
 * {@code resubmitInterval}: publications that failed, and those neither acknowledged nor
 * failed within {@code resubmitOlderThan} (their delivery was lost, e.g. with a process
 * that stopped), which are first marked failed. Each pass takes at most a batch and what
 * the sender's queue has room for, oldest first, and skips what this instance is
 * delivering right now, so a backlog or an audit-service outage of any length costs a
 * bounded amount of memory and loses nothing. A resubmitted publication is completed, or
 * failed again, by its id.
 */
final class AuditResubmission implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(AuditResubmission.class);

	/** How long a round waits for room in the sender's queue before it looks again. */
	private static final Duration ROOM_WAIT = Duration.ofMillis(200);

	/** How long a round waits for its first pass's deliveries before it goes on. */
	private static final Duration FIRST_PASS_WAIT = Duration.ofSeconds(30);

	private final UnacknowledgedPublications unacknowledged;

	private final EventPublicationRepository publications;

	private final BatchingAuditSender sender;

	private final Clock clock;

	private final Duration interval;

	private final Duration olderThan;

	private final int passSize;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile ScheduledExecutorService scheduler;

	AuditResubmission(UnacknowledgedPublications unacknowledged, EventPublicationRepository publications,
			BatchingAuditSender sender, Clock clock, Duration interval, Duration olderThan, int passSize) {
		this.unacknowledged = unacknowledged;
		this.publications = publications;
		this.sender = sender;
		this.clock = clock;
		this.interval = interval;
		this.olderThan = olderThan;
		this.passSize = passSize;
	}

	/**
	 * One pass: reads up to a pass's worth of failed publications after the last one the
	 * round has seen (fewer if the sender's queue has less room), and sends those it
	 * claims and is not sending already.
	 */
	private Pass pass(UnacknowledgedPublications.@Nullable Failed after) {
		int room = Math.min(this.passSize, this.sender.remainingCapacity());
		if (room <= 0) {
			return new Pass(List.of(), List.of());
		}
		List<UnacknowledgedPublications.Failed> read = this.unacknowledged.oldest(after, room);
		List<UnacknowledgedPublications.Failed> idle = read.stream()
			.filter((failed) -> failed.event() != null && !this.sender.isInFlight(failed.event().eventId()))
			.toList();
		List<UnacknowledgedPublications.Failed> claimed = this.unacknowledged.claim(idle, this.clock.instant());
		return new Pass(read, claimed.stream().map(this::send).toList());
	}

	/** What a pass read, in order, and the deliveries of those it sent. */
	private record Pass(List<UnacknowledgedPublications.Failed> read, List<CompletableFuture<Void>> deliveries) {

		int sent() {
			return this.deliveries.size();
		}

		/** Waits at most {@code timeout} for the deliveries to succeed or fail. */
		void awaitDeliveries(Duration timeout) throws InterruptedException {
			try {
				CompletableFuture.allOf(this.deliveries.toArray(CompletableFuture[]::new))
					.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				// What became of them is what the sender tells next.
			}
		}

		boolean full(int passSize) {
			return this.read.size() >= passSize;
		}

		UnacknowledgedPublications.Failed last() {
			return this.read.get(this.read.size() - 1);
		}

	}

	private CompletableFuture<Void> send(UnacknowledgedPublications.Failed publication) {
		return this.sender.submit(publication.event()).whenComplete((acknowledged, failure) -> {
			try {
				if (failure == null) {
					// In the sender's settlement: a batch's completions commit together.
					this.publications.markCompleted(publication.id(), this.clock.instant());
				}
				else {
					this.publications.markFailed(publication.id());
				}
			}
			catch (RuntimeException ex) {
				// It stays resubmitted, and is taken for lost once that is stale.
				logger.warn("Could not record the delivery of audit event {}: {}", publication.event().eventId(),
						ex.toString());
			}
		});
	}

	/**
	 * A round marks lost publications failed, then takes pass after pass while each reads
	 * a full pass's worth and the audit log takes what is sent, waiting for room in the
	 * sender's queue when it is full, so a backlog of any size drains at the speed of
	 * delivery rather than one pass per interval. Each pass reads on from where the one
	 * before ended, past what was skipped.
	 */
	void round() {
		int resubmitted = 0;
		try {
			this.unacknowledged.markLost(this.clock.instant().minus(this.olderThan));
			// The first pass goes whatever the last delivery did: it is how the end of an
			// outage is found.
			Pass pass = pass(null);
			resubmitted += pass.sent();
			if (!this.sender.isDelivering()) {
				// Whether the audit log is back shows in how the first pass fares; until
				// then the sender reports the last failure.
				pass.awaitDeliveries(FIRST_PASS_WAIT);
			}
			while (pass.full(this.passSize) && this.scheduler != null && this.sender.isDelivering()) {
				if (this.sender.remainingCapacity() < this.passSize) {
					Thread.sleep(ROOM_WAIT);
					continue;
				}
				pass = pass(pass.last());
				resubmitted += pass.sent();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not resubmit unacknowledged audit events: {}", ex.toString());
		}
		if (resubmitted > 0) {
			logger.info("Resubmitted {} unacknowledged audit events", resubmitted);
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-resubmission").daemon().factory());
	}

	/**
	 * The first round runs once the service is ready (its own web server too, which the
	 * gateway needs for its token), the others every {@code resubmitInterval} after.
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null && this.scheduled.compareAndSet(false, true)) {
			executor.scheduleWithFixedDelay(this::round, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		this.scheduler = null;
		this.scheduled.set(false);
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		// Starts after the sender and stops before it.
		return BatchingAuditSender.PHASE + 1;
	}

}
