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
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Sends unacknowledged audit events again, once the service is ready and then every
 * {@code resubmitInterval}: publications that failed, and those neither acknowledged nor
 * failed within {@code resubmitOlderThan} (their delivery was lost, e.g. with a process
 * that stopped), which are first marked failed. Each round takes at most what the
 * sender's queue has room for, and skips what this instance is delivering right now, so
 * an audit-service outage of any length costs a bounded amount of memory and loses
 * nothing.
 */
final class AuditResubmission implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(AuditResubmission.class);

	private final EventPublicationRegistry registry;

	private final FailedEventPublications failed;

	private final BatchingAuditSender sender;

	private final Duration interval;

	private final Duration olderThan;

	private final int roundSize;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile ScheduledExecutorService scheduler;

	AuditResubmission(EventPublicationRegistry registry, FailedEventPublications failed, BatchingAuditSender sender,
			Duration interval, Duration olderThan, int roundSize) {
		this.registry = registry;
		this.failed = failed;
		this.sender = sender;
		this.interval = interval;
		this.olderThan = olderThan;
		this.roundSize = roundSize;
	}

	/**
	 * One round: marks lost publications failed, then resubmits as many failed ones as
	 * the sender has room for.
	 * @return how many were taken for resubmission
	 */
	int resubmit() {
		this.registry.markStalePublicationsFailed(staleness());
		int room = Math.min(this.roundSize, this.sender.remainingCapacity());
		if (room <= 0) {
			return 0;
		}
		AtomicInteger taken = new AtomicInteger();
		// At most one round's worth in flight (RESUBMITTED) across all instances.
		this.failed.resubmit(ResubmissionOptions.defaults()
			.withMaxInFlight(room)
			.withBatchSize(room)
			.withMinAge(this.olderThan)
			.withFilter(
					(publication) -> isAudit(publication) && !inFlight(publication) && taken.incrementAndGet() > 0));
		if (taken.get() > 0) {
			logger.info("Resubmitting {} unacknowledged audit events", taken.get());
		}
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
	 * Rounds follow each other while each finds a full round's worth and the audit log
	 * takes what is sent, so a backlog drains at the speed of delivery rather than one
	 * round per interval.
	 */
	private void round() {
		try {
			int taken;
			do {
				taken = resubmit();
			}
			while (taken >= this.roundSize && this.sender.isDelivering() && this.scheduler != null);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not resubmit unacknowledged audit events: {}", ex.toString());
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
