package org.shutong.platform.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Sends audit events to the audit log in batches: a batch goes when it is full or when
 * its first event has waited {@code linger}. Each event's future completes when the audit
 * log has acknowledged the batch that carried it, and fails with the batch; a batch's
 * futures complete together inside its {@code settlement} (the outbox's transaction, so
 * that the publications of a batch are completed with one commit rather than one each).
 * Events wait in a bounded queue; when it is full, an event fails at once and stays in
 * the database for the next resubmission, so memory stays bounded whatever the audit
 * service does.
 */
final class BatchingAuditSender implements SmartLifecycle {

	/** Stops after the web server, so that the last requests' events are still taken. */
	static final int PHASE = -100;

	/**
	 * How long the sender rests after a failed delivery before it tries the next batch.
	 */
	static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(BatchingAuditSender.class);

	private final AuditDelivery delivery;

	private final int batchSize;

	private final long lingerNanos;

	private final BlockingQueue<Pending> queue;

	private final Consumer<Runnable> settlement;

	/** The ids of the events waiting or in flight, with how many times each is. */
	private final Map<UUID, Integer> inFlight = new ConcurrentHashMap<>();

	private final AtomicBoolean overflowing = new AtomicBoolean();

	private volatile boolean lastDeliveryFailed;

	private volatile boolean running;

	private volatile Thread worker;

	BatchingAuditSender(AuditDelivery delivery, int batchSize, Duration linger, int capacity) {
		this(delivery, batchSize, linger, capacity, Runnable::run);
	}

	/**
	 * @param settlement runs the completion of a batch's futures (and so whatever they
	 * trigger), e.g. in one transaction
	 */
	BatchingAuditSender(AuditDelivery delivery, int batchSize, Duration linger, int capacity,
			Consumer<Runnable> settlement) {
		this.delivery = delivery;
		this.settlement = settlement;
		this.batchSize = batchSize;
		this.lingerNanos = linger.toNanos();
		this.queue = new ArrayBlockingQueue<>(capacity);
	}

	/**
	 * Queues the event for the next batch.
	 * @return completes when the audit log has acknowledged the event, fails when it has
	 * not (the queue was full, the delivery failed, or the sender stopped)
	 */
	CompletableFuture<Void> submit(AuditEvent event) {
		Pending pending = new Pending(event, new CompletableFuture<>());
		if (!this.running) {
			pending.done().completeExceptionally(new IllegalStateException("Audit delivery has stopped."));
			return pending.done();
		}
		this.inFlight.merge(event.eventId(), 1, Integer::sum);
		if (!this.queue.offer(pending)) {
			if (this.overflowing.compareAndSet(false, true)) {
				logger.warn("{} audit events are waiting for delivery; more are left in the database for the next "
						+ "resubmission", this.queue.size());
			}
			forget(pending);
			pending.done().completeExceptionally(new IllegalStateException("The audit delivery queue is full."));
		}
		return pending.done();
	}

	/**
	 * Whether the event is waiting or being delivered, so that a resubmission need not
	 * send it again.
	 */
	boolean isInFlight(UUID eventId) {
		return this.inFlight.containsKey(eventId);
	}

	/** Whether the last delivery reached the audit log (or none was tried yet). */
	boolean isDelivering() {
		return !this.lastDeliveryFailed;
	}

	/** How many more events the queue takes now. */
	int remainingCapacity() {
		return this.queue.remainingCapacity();
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = Thread.ofPlatform().name("audit-delivery").daemon().start(this::work);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<Pending> left = new ArrayList<>();
		this.queue.drainTo(left);
		fail(left, new IllegalStateException("Audit delivery has stopped."));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void work() {
		while (this.running) {
			try {
				List<Pending> batch = nextBatch();
				if (!batch.isEmpty() && !deliver(batch)) {
					Thread.sleep(FAILURE_PAUSE);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Audit delivery failed unexpectedly", ex);
			}
		}
	}

	/**
	 * Waits for a first event, then for more until the batch is full or the first has
	 * waited long enough.
	 */
	private List<Pending> nextBatch() throws InterruptedException {
		List<Pending> batch = new ArrayList<>();
		Pending first = this.queue.poll(1, TimeUnit.SECONDS);
		if (first == null) {
			return batch;
		}
		batch.add(first);
		long deadline = System.nanoTime() + this.lingerNanos;
		while (batch.size() < this.batchSize) {
			this.queue.drainTo(batch, this.batchSize - batch.size());
			long left = deadline - System.nanoTime();
			if (batch.size() >= this.batchSize || left <= 0) {
				break;
			}
			Pending next = this.queue.poll(left, TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			batch.add(next);
		}
		return batch;
	}

	/**
	 * Delivers the batch and completes each event's future. When the audit log refuses
	 * some events as invalid, those fail and the others are delivered without them; when
	 * it does not say which, the batch is halved until it does.
	 * @return whether the audit log was reachable and answered
	 */
	private boolean deliver(List<Pending> batch) {
		try {
			this.delivery.deliver(batch.stream().map(Pending::event).toList());
		}
		catch (AuditEventsRejectedException ex) {
			refused(batch, ex);
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not deliver a batch of {} audit events; they will be sent again: {}", batch.size(),
					ex.toString());
			this.lastDeliveryFailed = true;
			fail(batch, ex);
			return false;
		}
		this.lastDeliveryFailed = false;
		this.overflowing.set(false);
		settle(batch, null);
		return true;
	}

	private void refused(List<Pending> batch, AuditEventsRejectedException ex) {
		if (batch.size() == 1) {
			AuditEvent event = batch.get(0).event();
			logger.error("The audit log refused audit event {} ({}), a bug of this service: {}", event.eventId(),
					event.action(), ex.getMessage());
			fail(batch, ex);
			return;
		}
		List<Pending> named = ex.rejected()
			.stream()
			.filter((index) -> index >= 0 && index < batch.size())
			.distinct()
			.map(batch::get)
			.toList();
		if (named.isEmpty()) {
			int half = batch.size() / 2;
			deliver(List.copyOf(batch.subList(0, half)));
			deliver(List.copyOf(batch.subList(half, batch.size())));
			return;
		}
		logger.error("The audit log refused {} of {} audit events ({}), a bug of this service: {}", named.size(),
				batch.size(), named.stream().map((pending) -> pending.event().eventId()).toList(), ex.getMessage());
		fail(named, ex);
		List<Pending> rest = batch.stream().filter((pending) -> !named.contains(pending)).toList();
		if (!rest.isEmpty()) {
			deliver(rest);
		}
	}

	private void fail(List<Pending> batch, Exception cause) {
		settle(batch, cause);
	}

	/**
	 * Completes the futures within the settlement; if the settlement itself fails (the
	 * database is away), they are completed anyway, each on its own.
	 */
	private void settle(List<Pending> batch, @Nullable Exception failure) {
		Runnable complete = () -> batch.forEach((pending) -> {
			if (pending.done().isDone()) {
				return;
			}
			forget(pending);
			if (failure == null) {
				pending.done().complete(null);
			}
			else {
				pending.done().completeExceptionally(failure);
			}
		});
		try {
			this.settlement.accept(complete);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the outcome of {} audit events together: {}", batch.size(), ex.toString());
			complete.run();
		}
	}

	private void forget(Pending pending) {
		this.inFlight.computeIfPresent(pending.event().eventId(), (id, count) -> (count > 1) ? count - 1 : null);
	}

	private record Pending(AuditEvent event, CompletableFuture<Void> done) {
	}

}
