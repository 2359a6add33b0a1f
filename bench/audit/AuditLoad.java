import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the audit service as the platform's outbox publishers make it: concurrent
 * POSTs of batches of audit-shaped events with a service token (scope audit.write), while
 * a poller watches the signed checkpoints. Prints events/s and, for every batch, the delay
 * from its commit (the answer) to the first signed checkpoint that includes it.
 *
 * java AuditLoad.java <audit url> <token url> <client id> <secret> <events> <batch> <concurrency>
 */
public class AuditLoad {

	static final Pattern LEAF_INDEX = Pattern.compile("\"leafIndex\":(\\d+)");

	static final Pattern TREE_SIZE = Pattern.compile("\"treeSize\":(\\d+)");

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Committed(long nanos, long maxLeafIndex) {
	}

	record Observed(long nanos, long treeSize) {
	}

	public static void main(String[] args) throws Exception {
		String audit = args[0], tokenUrl = args[1], client = args[2], secret = args[3];
		long total = Long.parseLong(args[4]);
		int batch = Integer.parseInt(args[5]), concurrency = Integer.parseInt(args[6]);
		Token token = new Token(tokenUrl, client, secret);
		AtomicLong claimed = new AtomicLong();
		AtomicLong serial = new AtomicLong();
		ConcurrentLinkedQueue<Committed> commits = new ConcurrentLinkedQueue<>();
		List<Observed> checkpoints = Collections.synchronizedList(new ArrayList<>());
		// Built before the clock starts, so that the generator, which shares the machine with
		// the service, spends its CPU on sending only, as publishers on other machines would.
		List<byte[]> bodies = new ArrayList<>();
		for (long from = 0; from < total; from += batch) {
			bodies.add(events((int) Math.min(batch, total - from), serial).getBytes(StandardCharsets.UTF_8));
		}
		token.value();
		Thread poller = Thread.ofPlatform().daemon().start(() -> poll(audit, checkpoints));
		long start = System.nanoTime();
		try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
			for (int w = 0; w < concurrency; w++) {
				workers.submit(() -> {
					while (true) {
						int next = (int) claimed.getAndIncrement();
						if (next >= bodies.size()) {
							return null;
						}
						byte[] body = bodies.get(next);
						HttpResponse<String> response = post(audit + "/api/audit/events", token.value(), body);
						if (response.statusCode() != 200) {
							throw new IllegalStateException(response.statusCode() + " " + response.body());
						}
						long max = 0;
						Matcher m = LEAF_INDEX.matcher(response.body());
						while (m.find()) {
							max = Math.max(max, Long.parseLong(m.group(1)));
						}
						commits.add(new Committed(System.nanoTime(), max));
					}
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long maxLeaf = commits.stream().mapToLong(Committed::maxLeafIndex).max().orElse(0);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1).treeSize() <= maxLeaf) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("no checkpoint covered leaf " + maxLeaf + " within 30 s");
			}
			Thread.sleep(20);
		}
		poller.interrupt();
		List<Double> delays = new ArrayList<>();
		List<Observed> seen = List.copyOf(checkpoints);
		for (Committed commit : commits) {
			for (Observed observed : seen) {
				if (observed.treeSize() > commit.maxLeafIndex() && observed.nanos() >= commit.nanos()) {
					delays.add((observed.nanos() - commit.nanos()) / 1e6);
					break;
				}
			}
		}
		Collections.sort(delays);
		System.out.printf("ingest: %d events in %.1f s = %.0f events/s (batches of %d, %d concurrent)%n", total, seconds,
				total / seconds, batch, concurrency);
		System.out.printf("commit to signed checkpoint: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d batches"
				+ " (checkpoints polled every 20 ms)%n", pct(delays, 50), pct(delays, 99),
				delays.get(delays.size() - 1), delays.size());
		System.out.printf("RESULT events_per_s=%.0f checkpoint_p50_ms=%.0f checkpoint_p99_ms=%.0f%n", total / seconds,
				pct(delays, 50), pct(delays, 99));
	}

	/**
	 * A batch as JSON, built cheaply so that the load generator, which shares the machine,
	 * takes as little CPU from the service as possible: ids from a counter, not a
	 * SecureRandom.
	 */
	static String events(int size, AtomicLong serial) {
		StringBuilder json = new StringBuilder(size * 560).append('[');
		String now = Instant.now().toString();
		for (int i = 0; i < size; i++) {
			long n = serial.incrementAndGet();
			if (i > 0) {
				json.append(',');
			}
			String hex = Long.toHexString(n);
			json.append("{\"eventId\":\"").append(new UUID(RUN, 0x8000000000000000L | n)).append("\",\"occurredAt\":\"")
				.append(now)
				.append("\",\"service\":\"catalog-service\",\"action\":\"exchange.query\",\"outcome\":\"SUCCESS\",")
				.append("\"actor\":{\"departmentCode\":\"11150400MB1234567X\",\"clientId\":\"mz-system\"},")
				.append("\"subject\":{\"kind\":\"PERSON\",\"reference\":\"").append(ZEROS, 0, 64 - hex.length()).append(hex)
				.append("\"},\"resource\":\"JC-11150400MB1234567X-000123\",\"serviceItemCode\":\"MZ-0001\",")
				.append("\"purpose\":\"核验婚姻状况\",\"details\":{\"rows\":1,\"items\":[\"name\",\"status\"],\"durationMs\":3}}");
		}
		return json.append(']').toString();
	}

	/** Version-4 style high bits unique to this run. */
	static final long RUN = (ThreadLocalRandom.current().nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;

	static final String ZEROS = "0".repeat(64);

	static void poll(String audit, List<Observed> checkpoints) {
		long last = -1;
		while (!Thread.currentThread().isInterrupted()) {
			try {
				HttpResponse<String> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(audit + "/api/audit/checkpoints/latest")).build(),
						HttpResponse.BodyHandlers.ofString());
				Matcher m = TREE_SIZE.matcher(response.body());
				if (response.statusCode() == 200 && m.find()) {
					long size = Long.parseLong(m.group(1));
					if (size > last) {
						checkpoints.add(new Observed(System.nanoTime(), size));
						last = size;
					}
				}
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				// the next poll tries again
			}
		}
	}

	static HttpResponse<String> post(String url, String token, byte[] body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static double pct(List<Double> sorted, int percentile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1));
	}

	/** A client_credentials token, fetched again before it expires. */
	static final class Token {

		final String url, basic;

		String value;

		long expires;

		Token(String url, String client, String secret) {
			this.url = url;
			this.basic = "Basic " + Base64.getEncoder()
				.encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		}

		synchronized String value() throws Exception {
			if (this.value == null || System.nanoTime() > this.expires) {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.url))
					.header("Authorization", this.basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=audit.write"))
					.build(), HttpResponse.BodyHandlers.ofString());
				Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
				if (!m.find()) {
					throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
				}
				this.value = m.group(1);
				this.expires = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			}
			return this.value;
		}

	}

}
