package org.shutong.platform.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Sends unacknowledged audit events again, once the service is ready and then every
 * {@code resubmitInterval}: publications that failed, and those neither acknowledged nor
 * failed within {@code resubmitOlderThan} (their delivery was lost, e.g. with a process
 * that stopped), which are first marked failed. Each pass takes at most a batch and what
 * the sender's queue has room for, and skips what this instance is delivering right now,
 * so a backlog or an audit-service outage of any length costs a bounded amount of memory
 * and loses nothing.
 */
final class AuditResubmission implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(AuditResubmission.class);

	/** How long a round waits for room in the sender's queue before it looks again. */
	private static final Duration ROOM_WAIT = Duration.ofMillis(200);

	private final EventPublicationRegistry registry;

	private final FailedEventPublications failed;

	private final EventPublicationRepository publications;

	private final BatchingAuditSender sender;

	private final Duration interval;

	private final Duration olderThan;

	private final int passSize;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile ScheduledExecutorService scheduler;

	AuditResubmission(EventPublicationRegistry registry, FailedEventPublications failed,
			EventPublicationRepository publications, BatchingAuditSender sender, Duration interval, Duration olderThan,
			int passSize) {
		this.registry = registry;
		this.failed = failed;
		this.publications = publications;
		this.sender = sender;
		this.interval = interval;
		this.olderThan = olderThan;
		this.passSize = passSize;
	}

	/**
	 * One pass: marks lost publications failed, then resubmits up to a pass's worth of
	 * failed ones (fewer if the sender's queue has less room).
	 * @return how many were taken for resubmission
	 */
	int resubmit() {
		this.registry.markStalePublicationsFailed(staleness());
		int room = Math.min(this.passSize, this.sender.remainingCapacity());
		if (room <= 0) {
			return 0;
		}
		AtomicInteger taken = new AtomicInteger();
		// Spring Modulith reads the batch size less the publications RESUBMITTED right
		// now (by any instance), hence the batch size adds them. What each instance
		// takes is bounded by the room in its own queue, and an instance takes a
		// publication only if it marks it RESUBMITTED first, so no bound across
		// instances is needed. Failed publications are taken at any age: they are known
		// not to be on their way.
		this.failed.resubmit(ResubmissionOptions.defaults()
			.withMaxInFlight(Integer.MAX_VALUE)
			.withBatchSize(room + this.publications.countByStatus(EventPublication.Status.RESUBMITTED))
			.withMinAge(Duration.ZERO)
			.withFilter(
					(publication) -> isAudit(publication) && !inFlight(publication) && taken.incrementAndGet() > 0));
		return taken.get();
	}

	private Staleness staleness() {
		return (status) -> this.olderThan;
	}

	private static boolean isAudit(EventPublication publication) {
		if (!(publication instanceof TargetEventPublication target)
				|| !target.isIdentifiedBy(AuditOutboxListener.TARGET)) {
			return false;
		}
		try {
			return target.getEvent() instanceof AuditEvent;
		}
		catch (RuntimeException ex) {
			// Stored by a version whose events this one cannot read: left where it is.
			logger.error("Cannot read stored audit publication {}: {}", target.getIdentifier(), ex.toString());
			return false;
		}
	}

	private boolean inFlight(EventPublication publication) {
		return this.sender.isInFlight(((AuditEvent) publication.getEvent()).eventId());
	}

	/**
	 * A round takes pass after pass while each finds a full pass's worth and the audit
	 * log takes what is sent, waiting for room in the sender's queue when it is full, so
	 * a backlog of any size drains at the speed of delivery rather than one pass per
	 * interval.
	 */
	void round() {
		int resubmitted = 0;
		try {
			// The first pass goes whatever the last delivery did: it is how the end of an
			// outage is found.
			int taken = resubmit();
			resubmitted += taken;
			while (taken >= this.passSize && this.scheduler != null && this.sender.isDelivering()) {
				if (this.sender.remainingCapacity() < this.passSize) {
					Thread.sleep(ROOM_WAIT);
					continue;
				}
				taken = resubmit();
				resubmitted += taken;
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
