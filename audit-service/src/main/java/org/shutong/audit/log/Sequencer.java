package org.shutong.audit.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The one thread that writes the log in this instance. Requests queue their events here;
 * the sequencer takes everything waiting (up to a batch) into one transaction, so that
 * many small deliveries cost one commit, and completes each request only after that
 * commit. Between batches, and at least every checkpoint interval, it has the
 * {@link Checkpointing} sign the tree as it stands.
 */
final class Sequencer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Sequencer.class);

	private final LogWriter writer;

	private final Checkpointing checkpointing;

	private final SequencerSettings settings;

	private final BlockingQueue<Submission> queue;

	private volatile boolean running;

	private Thread thread;

	private final Timer batches;

	private final DistributionSummary batchSizes;

	Sequencer(LogWriter writer, Checkpointing checkpointing, SequencerSettings settings, MeterRegistry meters) {
		this.writer = writer;
		this.batches = Timer.builder("audit.sequencer.batches")
			.description("Transactions appending a batch of events to the log")
			.register(meters);
		this.batchSizes = DistributionSummary.builder("audit.sequencer.batch.events")
			.description("Events appended per transaction")
			.register(meters);
		this.checkpointing = checkpointing;
		this.settings = settings;
		this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
	}

	CompletableFuture<List<Appended>> submit(List<Leaf> leaves) {
		Submission submission = new Submission(leaves, new CompletableFuture<>());
		if (!this.running) {
			submission.result().completeExceptionally(new LogUnavailableException("the audit log is shutting down"));
		}
		else if (!this.queue.offer(submission)) {
			submission.result().completeExceptionally(new LogUnavailableException("the audit log is busy"));
		}
		return submission.result();
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("audit-sequencer").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Submission> left = new ArrayList<>();
		this.queue.drainTo(left);
		left.forEach((submission) -> submission.result()
			.completeExceptionally(new LogUnavailableException("the audit log is shutting down")));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		long nextCheckpoint = System.nanoTime();
		while (this.running) {
			try {
				long wait = Math.max(0, nextCheckpoint - System.nanoTime());
				Submission first = this.queue.poll(wait, TimeUnit.NANOSECONDS);
				if (first != null) {
					sequence(first);
				}
				if (System.nanoTime() - nextCheckpoint >= 0) {
					checkpoint();
					nextCheckpoint = System.nanoTime() + this.settings.checkpointInterval().toNanos();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void sequence(Submission first) {
		List<Submission> batch = new ArrayList<>();
		batch.add(first);
		int events = first.leaves().size();
		Submission next;
		while (events < this.settings.batchSize() && (next = this.queue.poll()) != null) {
			batch.add(next);
			events += next.leaves().size();
		}
		List<Leaf> leaves = new ArrayList<>(events);
		batch.forEach((submission) -> leaves.addAll(submission.leaves()));
		try {
			List<Appended> appended = this.batches.record(() -> this.writer.write(leaves));
			this.batchSizes.record(events);
			int from = 0;
			for (Submission submission : batch) {
				int to = from + submission.leaves().size();
				submission.result().complete(List.copyOf(appended.subList(from, to)));
				from = to;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("A batch of {} audit events was not logged and will be refused: {}", events, ex.toString());
			batch.forEach((submission) -> submission.result()
				.completeExceptionally(new LogUnavailableException("the audit log could not store the events", ex)));
		}
	}

	private void checkpoint() {
		try {
			this.checkpointing.checkpoint();
		}
		catch (RuntimeException ex) {
			logger.warn("No checkpoint signed this time: {}", ex.toString());
		}
	}

	private record Submission(List<Leaf> leaves, CompletableFuture<List<Appended>> result) {
	}

}
