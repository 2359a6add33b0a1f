package org.shutong.platform.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender alone, with a delivery that does what each test needs.
 */
class BatchingAuditSenderTests {

	private final List<List<UUID>> delivered = Collections.synchronizedList(new ArrayList<>());

	private BatchingAuditSender sender;

	@AfterEach
	void stop() {
		if (this.sender != null) {
			this.sender.stop();
		}
	}

	@Test
	void aBatchGoesWhenItIsFullOrItsFirstEventHasWaitedLongEnough() {
		start((events) -> this.delivered.add(events.stream().map(AuditEvent::eventId).toList()), 4,
				Duration.ofMillis(200), 100);
		List<CompletableFuture<Void>> done = IntStream.range(0, 6)
			.mapToObj((i) -> this.sender.submit(AuditOutboxTests.event("exchange.query")))
			.toList();
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
		assertThat(this.delivered).extracting(List::size).containsExactly(4, 2);
	}

	@Test
	void aBatchIsSettledAsOneWhateverItsEventsTrigger() {
		AtomicInteger settlements = new AtomicInteger();
		AtomicBoolean settling = new AtomicBoolean();
		// The delivery waits until every future is observed, or a future could complete
		// before its observer is attached, and the observer then runs outside the
		// settlement.
		CountDownLatch observed = new CountDownLatch(1);
		this.sender = new BatchingAuditSender((events) -> awaitQuietly(observed), 4, Duration.ofSeconds(5), 100,
				(work) -> {
					settlements.incrementAndGet();
					settling.set(true);
					work.run();
					settling.set(false);
				});
		this.sender.start();
		List<Boolean> completedWhileSettling = Collections.synchronizedList(new ArrayList<>());
		List<CompletableFuture<Void>> done = IntStream.range(0, 4)
			.mapToObj((i) -> this.sender.submit(AuditOutboxTests.event("certificate.issue"))
				.whenComplete((ok, failure) -> completedWhileSettling.add(settling.get())))
			.toList();
		observed.countDown();
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
		assertThat(settlements).hasValue(1);
		assertThat(completedWhileSettling).containsExactly(true, true, true, true);
	}

	@Test
	void aFailedSettlementStillCompletesTheBatch() {
		this.sender = new BatchingAuditSender((events) -> {
		}, 2, Duration.ofSeconds(5), 100, (work) -> {
			throw new IllegalStateException("the database is away");
		});
		this.sender.start();
		List<CompletableFuture<Void>> done = List.of(this.sender.submit(AuditOutboxTests.event("certificate.issue")),
				this.sender.submit(AuditOutboxTests.event("certificate.issue")));
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
		assertThat(done).allSatisfy((future) -> assertThat(future).isCompleted());
		assertThat(this.sender.remainingCapacity()).isEqualTo(100);
	}

	@Test
	void whenTheQueueIsFullAnEventFailsAtOnceAndMemoryStaysBounded() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		start((events) -> {
			awaitQuietly(release);
			this.delivered.add(events.stream().map(AuditEvent::eventId).toList());
		}, 1, Duration.ZERO, 2);
		// One in flight (blocked), two waiting: the queue is full.
		CompletableFuture<Void> inFlight = this.sender.submit(AuditOutboxTests.event("exchange.query"));
		await().until(() -> this.sender.remainingCapacity() == 2);
		List<CompletableFuture<Void>> waiting = List.of(this.sender.submit(AuditOutboxTests.event("exchange.query")),
				this.sender.submit(AuditOutboxTests.event("exchange.query")));
		CompletableFuture<Void> overflow = this.sender.submit(AuditOutboxTests.event("exchange.query"));

		assertThat(overflow).isCompletedExceptionally();
		assertThat(this.sender.remainingCapacity()).isZero();
		release.countDown();
		inFlight.join();
		waiting.forEach(CompletableFuture::join);
		assertThat(this.delivered).hasSize(3);
	}

	@Test
	void eventsTheAuditLogDoesNotNameAreFoundByHalvingTheBatch() {
		AuditEvent bad = AuditOutboxTests.event("exchange.query");
		start((events) -> {
			if (events.contains(bad)) {
				throw new AuditEventsRejectedException("400 invalid", List.of());
			}
			this.delivered.add(events.stream().map(AuditEvent::eventId).toList());
		}, 8, Duration.ofMillis(100), 100);
		List<AuditEvent> events = new ArrayList<>(
				IntStream.range(0, 7).mapToObj((i) -> AuditOutboxTests.event("exchange.query")).toList());
		events.add(3, bad);
		List<CompletableFuture<Void>> done = events.stream().map(this.sender::submit).toList();

		await().until(() -> done.stream().allMatch(CompletableFuture::isDone));
		assertThat(done.get(3)).isCompletedExceptionally();
		assertThat(done.stream().filter((future) -> !future.isCompletedExceptionally())).hasSize(7);
		assertThat(this.delivered.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(
				events.stream().filter((e) -> e != bad).map(AuditEvent::eventId).toList());
	}

	@Test
	void whatWaitsWhenTheSenderStopsFails() {
		CountDownLatch never = new CountDownLatch(1);
		start((events) -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException("interrupted");
			}
		}, 1, Duration.ZERO, 10);
		CompletableFuture<Void> first = this.sender.submit(AuditOutboxTests.event("exchange.query"));
		CompletableFuture<Void> second = this.sender.submit(AuditOutboxTests.event("exchange.query"));
		this.sender.stop();
		assertThat(first).isCompletedExceptionally();
		assertThat(second).isCompletedExceptionally();
		assertThat(this.sender.submit(AuditOutboxTests.event("exchange.query"))).isCompletedExceptionally();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void start(Consumer<List<AuditEvent>> delivery, int batchSize, Duration linger, int capacity) {
		this.sender = new BatchingAuditSender(delivery::accept, batchSize, linger, capacity);
		this.sender.start();
	}

}
