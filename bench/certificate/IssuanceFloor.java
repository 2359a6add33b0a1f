package org.shutong.certificate.key;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.shutong.certificate.issuance.CanonicalJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The floor of bulk issuance on this machine (run by bench/certificate-floor.sh, which
 * says what it leaves out): the certificate service's own SM2 signing code
 * ({@link SoftwareSigningKey}, in this package because it is package-private) over
 * canonical certificate documents of the real size, and nothing but plain JDBC batches
 * (one commit per 500) for the rows the design stores. Phases, each on fresh tables:
 * <ul>
 * <li>raw: the signing threads alone (no queue, no database);</li>
 * <li>A: signing threads hand signed certificates to one writer that inserts their
 * {@code certificate} rows;</li>
 * <li>B: as A plus one {@code EVENT_PUBLICATION} row per certificate in the same
 * transaction, deleted by id (a JDBC batch of 500, its own transaction) by a
 * completer thread once the batch has committed;</li>
 * <li>C: as B, but between the commit and the delete an audit thread (the audit
 * service's part, on its own connection) appends each batch's {@code audit_event} rows
 * and their Merkle {@code tree_node} rows under the sequencer lock, one transaction per
 * batch; the outbox rows are deleted once that has committed.</li>
 * </ul>
 * A phase's rate is counted at the end of its pipeline (the last commit), with bounded
 * queues between the stages, so it is the rate of the slowest stage.
 *
 * java -cp <classes>:<service classes and libraries> org.shutong.certificate.key.IssuanceFloor
 *   <jdbc url> <mariadbd pid> <acknowledgement fifo> <signing threads> <writer threads>
 *   <first warm-up s> <warm-up s> <measured s> <min certificates> <phase>...
 * (phase: raw, A, B or C, with an optional number to tell repeats apart: raw1 A B C raw2)
 * Before each phase it empties the tables and waits for MariaDB to go quiet. Prints "PID <pid>",
 * then "MARK start <phase>" and "MARK end <phase>" around each measured window, each time
 * waiting for a line on the fifo (the script answers once it has its CPU snapshot), and
 * "RESULT phase=<phase> certificates=<n> seconds=<s> per_s=<rate>".
 */
public class IssuanceFloor {

	static final int BATCH = 500;

	static final String TYPE_CODE = "11330100002482100A101";

	static final String ISSUER = "11330100002482100A";

	static final String KEY_ID = "11330100002482100a-sm2-3f9a0c51d2e7";

	static final String CERTIFICATE_INSERT = """
			INSERT INTO certificate (id, type_code, issuer_department_code, holder_kind, holder_reference, issued_at,
			valid_from, valid_until, status, key_id, algorithm, document, signature)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	static final String PUBLICATION_INSERT = """
			INSERT INTO EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS,
			COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	static final String EVENT_INSERT = "INSERT INTO audit_event (leaf_index, event_id, occurred_at, received_at,"
			+ " action, outcome, actor_department, subject_reference, resource, service_item_code, leaf)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String NODE_INSERT = "INSERT INTO tree_node (level, node_index, hash) VALUES (?, ?, ?)";

	/** As Modulith deletes a publication by id; batched, so one multi-statement round trip per 500. */
	static final String PUBLICATION_DELETE = "DELETE FROM EVENT_PUBLICATION WHERE ID = ?";

	/** One signed certificate, and its audit event when the phase stores one. */
	record Signed(String id, String holderReference, String document, String signature, String eventId,
			String event) {
	}

	/** One committed batch on its way down the pipeline. */
	record Batch(List<Signed> certificates) {
	}

	private final String url;

	private final int signers;

	private final int writers;

	private final long mariadb;

	private final BufferedReader acknowledgements;

	private final SigningKey key;

	private final EcCrypto.Verifier verifier;

	/** The canonical document with its serial and holder digest to fill in. */
	private final String[] document;

	private final AtomicLong serials = new AtomicLong(1);

	private final AtomicLong deadlocks = new AtomicLong();

	private long nextLeaf;

	IssuanceFloor(String url, long mariadb, BufferedReader acknowledgements, int signers, int writers) {
		this.url = url;
		this.mariadb = mariadb;
		this.acknowledgements = acknowledgements;
		this.signers = signers;
		this.writers = writers;
		KeyPair pair = EcCrypto.generate(KeyAlgorithm.SM2);
		this.key = new SoftwareSigningKey(KEY_ID, KeyAlgorithm.SM2, pair.getPrivate());
		this.verifier = EcCrypto.verifier(KeyAlgorithm.SM2, pair.getPublic());
		ObjectNode certificate = SigningBench.typicalCertificate();
		String digest = certificate.path("holder").path("idNumberDigest").asString();
		String canonical = new String(
				CanonicalJson.bytes(CanonicalJson.signedDocument(certificate, KeyAlgorithm.SM2.signatureName(), KEY_ID)),
				StandardCharsets.UTF_8);
		// The serial (00012AB) occurs once, in the id; the digest once, in the holder (first: keys are sorted).
		String[] byDigest = canonical.split(digest, -1);
		String[] bySerial = (byDigest.length == 2) ? byDigest[1].split("00012AB", -1) : new String[0];
		if (bySerial.length != 2 || byDigest[0].contains("00012AB")) {
			throw new IllegalStateException("unexpected canonical document: " + canonical);
		}
		this.document = new String[] { byDigest[0], bySerial[0], bySerial[1] };
	}

	public static void main(String[] args) throws Exception {
		System.out.println("PID " + ProcessHandle.current().pid());
		System.out.flush();
		// The script opens the other end when it reads the PID, and answers each MARK once it has its snapshot.
		BufferedReader acknowledgements = Files.newBufferedReader(Path.of(args[2]));
		IssuanceFloor floor = new IssuanceFloor(args[0], Long.parseLong(args[1]), acknowledgements,
				Integer.parseInt(args[3]), Integer.parseInt(args[4]));
		int firstWarmup = Integer.parseInt(args[5]), warmup = Integer.parseInt(args[6]),
				measured = Integer.parseInt(args[7]);
		long minimum = Long.parseLong(args[8]);
		Signed sample = floor.sign(true);
		System.out.printf("# canonical document %d bytes (UTF-8), serialized audit event %d bytes, signature %d chars;"
				+ " the sample signature verifies: %s%n", sample.document().getBytes(StandardCharsets.UTF_8).length,
				sample.event().getBytes(StandardCharsets.UTF_8).length, sample.signature().length(),
				floor.verifier.verify(sample.document().getBytes(StandardCharsets.UTF_8),
						Base64.getDecoder().decode(sample.signature())));
		for (int i = 9; i < args.length; i++) {
			floor.run(args[i], (i == 9) ? firstWarmup : warmup, measured, minimum);
		}
	}

	/** Prints the mark and waits until the script has taken its CPU snapshot. */
	private void mark(String mark) throws IOException {
		System.out.println("MARK " + mark);
		System.out.flush();
		if (this.acknowledgements.readLine() == null) {
			throw new IllegalStateException("the script went away");
		}
	}

	/**
	 * Waits (at most 30 s) until MariaDB's background work (purge, page flushing) after the
	 * previous phase and the truncation uses less than a tenth of a core.
	 */
	private void settle() throws Exception {
		long start = System.nanoTime();
		Path stat = Path.of("/proc/" + this.mariadb + "/stat");
		for (;;) {
			long before = ticks(stat);
			Thread.sleep(1000);
			if (ticks(stat) - before < 10 || System.nanoTime() - start > 30_000_000_000L) {
				break;
			}
		}
		System.out.printf("# MariaDB settled in %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	/** User and system CPU time so far, in clock ticks (of 1/100 s on Linux). */
	private static long ticks(Path stat) throws IOException {
		String text = Files.readString(stat);
		String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/** A new certificate: fills in the next serial and a random holder digest, and signs. */
	Signed sign(boolean withEvent) {
		long serial = this.serials.getAndIncrement();
		String serialText = Long.toString(serial, 36).toUpperCase();
		serialText = "0000000".substring(serialText.length()) + serialText;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String holder = hex(random.nextLong()) + hex(random.nextLong()) + hex(random.nextLong())
				+ hex(random.nextLong());
		String id = "1.2.156.3005.2." + TYPE_CODE + "." + ISSUER + "." + serialText + ".001.K";
		String document = this.document[0] + holder + this.document[1] + serialText + this.document[2];
		String signature = Base64.getEncoder().encodeToString(this.key.sign(document.getBytes(StandardCharsets.UTF_8)));
		if (!withEvent) {
			return new Signed(id, holder, document, signature, null, null);
		}
		String eventId = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
				random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
			.toString();
		// The AuditEvent record as the outbox serializes it (Jackson, record component order).
		String event = "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"2026-12-03T10:00:00.123456Z\","
				+ "\"service\":\"certificate-service\",\"action\":\"certificate.issue\",\"outcome\":\"SUCCESS\","
				+ "\"actor\":{\"departmentCode\":\"" + ISSUER + "\",\"clientId\":\"gongan-certificate-system\","
				+ "\"userId\":null},\"subject\":{\"kind\":\"PERSON\",\"reference\":\"" + holder + "\"},\"resource\":\""
				+ id + "\",\"serviceItemCode\":null,\"purpose\":null,\"traceId\":\"" + hex(random.nextLong())
				+ hex(random.nextLong()) + "\",\"details\":{\"typeCode\":\"" + TYPE_CODE + "\",\"keyId\":\"" + KEY_ID
				+ "\",\"batch\":\"bulk-issuance-2026-12-03-0001\",\"line\":" + serial + "}}";
		return new Signed(id, holder, document, signature, eventId, event);
	}

	private static String hex(long value) {
		String text = Long.toHexString(value);
		return "0000000000000000".substring(text.length()) + text;
	}

	private void run(String phase, int warmup, int measured, long minimum) throws Exception {
		String kind = phase.replaceAll("[0-9]+$", "");
		truncate();
		settle();
		AtomicLong done = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Pipeline pipeline = new Pipeline(kind, done, failure);
		pipeline.start();
		Thread.sleep(warmup * 1000L);
		mark("start " + phase);
		long count0 = done.get(), t0 = System.nanoTime();
		long deadline = t0 + measured * 1_000_000_000L, cap = t0 + 3L * measured * 1_000_000_000L;
		while (failure.get() == null && (System.nanoTime() < deadline
				|| (done.get() - count0 < minimum && System.nanoTime() < cap))) {
			Thread.sleep(50);
		}
		long count1 = done.get(), t1 = System.nanoTime();
		mark("end " + phase);
		pipeline.stop();
		if (failure.get() != null) {
			throw new IllegalStateException("phase " + phase + " failed", failure.get());
		}
		double seconds = (t1 - t0) / 1e9;
		long certificates = count1 - count0;
		System.out.printf("RESULT phase=%s certificates=%d seconds=%.2f per_s=%.0f%n", phase, certificates, seconds,
				certificates / seconds);
		if (!kind.equals("raw")) {
			System.out.println("# after " + phase + ": " + counts() + "; deadlocks retried during the phase: "
					+ this.deadlocks.getAndSet(0));
		}
	}

	/** Empty tables for each phase; the type row the certificates' foreign key needs. */
	private void truncate() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			statement.execute("SET FOREIGN_KEY_CHECKS = 0");
			for (String table : List.of("certificate", "EVENT_PUBLICATION", "audit_event", "tree_node")) {
				statement.execute("TRUNCATE TABLE " + table);
			}
			statement.execute("SET FOREIGN_KEY_CHECKS = 1");
			statement.execute("INSERT IGNORE INTO certificate_type (code, name, issuer_department_code, holder_kind,"
					+ " validity_years, created_at) VALUES ('" + TYPE_CODE + "', '居民身份证', '" + ISSUER
					+ "', 'PERSON', 20, NOW(6))");
		}
		this.nextLeaf = 0;
	}

	private String counts() throws SQLException {
		StringBuilder text = new StringBuilder();
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			for (String table : List.of("certificate", "EVENT_PUBLICATION", "audit_event", "tree_node")) {
				try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
					rows.next();
					text.append(text.isEmpty() ? "" : ", ").append(table).append(' ').append(rows.getLong(1));
				}
			}
		}
		return text + " rows";
	}

	/** The threads of one phase and the queues between them. */
	private final class Pipeline {

		private final String kind;

		private final AtomicLong done;

		private final AtomicReference<Throwable> failure;

		private final BlockingQueue<Signed> signed = new ArrayBlockingQueue<>(2 * BATCH);

		private final BlockingQueue<Batch> committed = new ArrayBlockingQueue<>(4);

		private final BlockingQueue<Batch> logged = new ArrayBlockingQueue<>(4);

		private final List<Thread> threads = new ArrayList<>();

		private volatile boolean running = true;

		Pipeline(String kind, AtomicLong done, AtomicReference<Throwable> failure) {
			this.kind = kind;
			this.done = done;
			this.failure = failure;
		}

		void start() {
			boolean events = this.kind.equals("B") || this.kind.equals("C");
			for (int i = 0; i < IssuanceFloor.this.signers; i++) {
				thread("signer-" + i, () -> {
					while (this.running) {
						Signed certificate = sign(events);
						if (this.kind.equals("raw")) {
							this.done.incrementAndGet();
						}
						else {
							while (this.running && !this.signed.offer(certificate, 100, TimeUnit.MILLISECONDS)) {
							}
						}
					}
				});
			}
			switch (this.kind) {
				case "raw" -> {
				}
				case "A" -> writers(() -> writer(false, null));
				case "B" -> {
					writers(() -> writer(true, this.logged));
					thread("completer", this::completer);
				}
				case "C" -> {
					writers(() -> writer(true, this.committed));
					thread("audit-log", this::auditLog);
					thread("completer", this::completer);
				}
				default -> throw new IllegalArgumentException("no phase " + this.kind);
			}
		}

		private void writers(Work work) {
			for (int i = 0; i < IssuanceFloor.this.writers; i++) {
				thread("writer-" + i, work);
			}
		}

		void stop() throws InterruptedException {
			this.running = false;
			for (Thread thread : this.threads) {
				thread.join();
			}
		}

		private interface Work {

			void run() throws Exception;

		}

		private void thread(String name, Work work) {
			Thread thread = new Thread(() -> {
				try {
					work.run();
				}
				catch (Throwable ex) {
					this.failure.compareAndSet(null, ex);
					this.running = false;
				}
			}, name);
			this.threads.add(thread);
			thread.start();
		}

		private <T> T take(BlockingQueue<T> queue) throws InterruptedException {
			T item = null;
			while (this.running && item == null) {
				item = queue.poll(100, TimeUnit.MILLISECONDS);
			}
			return item;
		}

		private <T> void put(BlockingQueue<T> queue, T item) throws InterruptedException {
			while (this.running && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
			}
		}

		/**
		 * The certificate service's transaction: a batch of certificate rows (and their
		 * outbox rows), one commit; then the batch goes on to {@code next}.
		 */
		private void writer(boolean events, BlockingQueue<Batch> next) throws Exception {
			try (Connection connection = DriverManager.getConnection(IssuanceFloor.this.url)) {
				connection.setAutoCommit(false);
				PreparedStatement certificates = connection.prepareStatement(CERTIFICATE_INSERT);
				PreparedStatement publications = connection.prepareStatement(PUBLICATION_INSERT);
				Timestamp validFrom = Timestamp.valueOf("2022-03-15 00:00:00");
				Timestamp validUntil = Timestamp.valueOf("2042-03-15 00:00:00");
				while (this.running) {
					List<Signed> batch = new ArrayList<>(BATCH);
					while (this.running && batch.size() < BATCH) {
						Signed first = take(this.signed);
						if (first != null) {
							batch.add(first);
							this.signed.drainTo(batch, BATCH - batch.size());
						}
					}
					if (!this.running) {
						return;
					}
					transaction(connection, () -> {
						certificates.clearBatch();
						publications.clearBatch();
						Timestamp now = new Timestamp(System.currentTimeMillis());
						for (Signed certificate : batch) {
							certificates.setString(1, certificate.id());
							certificates.setString(2, TYPE_CODE);
							certificates.setString(3, ISSUER);
							certificates.setString(4, "PERSON");
							certificates.setString(5, certificate.holderReference());
							certificates.setTimestamp(6, now);
							certificates.setTimestamp(7, validFrom);
							certificates.setTimestamp(8, validUntil);
							certificates.setString(9, "VALID");
							certificates.setString(10, KEY_ID);
							certificates.setString(11, "SM2-SM3");
							certificates.setString(12, certificate.document());
							certificates.setString(13, certificate.signature());
							certificates.addBatch();
							if (events) {
								publications.setString(1, certificate.eventId());
								publications.setString(2, "org.shutong.platform.audit.AuditEvent");
								publications.setString(3, "shutong.audit.outbox");
								publications.setTimestamp(4, now);
								publications.setString(5, certificate.event());
								publications.setString(6, "PUBLISHED");
								publications.setInt(7, 1);
								publications.setTimestamp(8, now);
								publications.addBatch();
							}
						}
						certificates.executeBatch();
						if (events) {
							publications.executeBatch();
						}
					});
					if (next == null) {
						this.done.addAndGet(batch.size());
					}
					else {
						put(next, new Batch(batch));
					}
				}
			}
		}

		/**
		 * The audit service's append, on its own connection: under the sequencer lock, the
		 * batch's audit_event rows and the tree nodes they complete, one commit.
		 */
		private void auditLog() throws Exception {
			try (Connection connection = DriverManager.getConnection(IssuanceFloor.this.url)) {
				connection.setAutoCommit(false);
				PreparedStatement lock = connection.prepareStatement("SELECT id FROM sequencer_lock WHERE id = 1 FOR UPDATE");
				PreparedStatement events = connection.prepareStatement(EVENT_INSERT);
				PreparedStatement nodes = connection.prepareStatement(NODE_INSERT);
				while (this.running) {
					Batch batch = take(this.committed);
					if (batch == null) {
						return;
					}
					long first = IssuanceFloor.this.nextLeaf;
					transaction(connection, () -> {
						IssuanceFloor.this.nextLeaf = first;
						events.clearBatch();
						nodes.clearBatch();
						try (ResultSet locked = lock.executeQuery()) {
							locked.next();
						}
						Timestamp now = new Timestamp(System.currentTimeMillis());
						for (Signed certificate : batch.certificates()) {
							long leaf = IssuanceFloor.this.nextLeaf++;
							events.setLong(1, leaf);
							events.setString(2, certificate.eventId());
							events.setTimestamp(3, now);
							events.setTimestamp(4, now);
							events.setString(5, "certificate.issue");
							events.setString(6, "SUCCESS");
							events.setString(7, ISSUER);
							events.setString(8, certificate.holderReference());
							events.setString(9, certificate.id());
							events.setNull(10, Types.VARCHAR);
							events.setBytes(11, certificate.event().getBytes(StandardCharsets.UTF_8));
							events.addBatch();
							// The leaf hash, and each complete subtree the leaf closes (RFC 9162): 2 rows a leaf
							// on average. Not real hashes: the floor leaves hashing out.
							node(nodes, 0, leaf);
							for (int level = 1; ((leaf + 1) & ((1L << level) - 1)) == 0; level++) {
								node(nodes, level, ((leaf + 1) >> level) - 1);
							}
						}
						events.executeBatch();
						nodes.executeBatch();
					});
					put(this.logged, batch);
				}
			}
		}

		private static void node(PreparedStatement nodes, int level, long index) throws SQLException {
			byte[] hash = ByteBuffer.allocate(32).putLong(index).putLong(level).putLong(~index).putLong(index * 31).array();
			nodes.setInt(1, level);
			nodes.setLong(2, index);
			nodes.setBytes(3, hash);
			nodes.addBatch();
		}

		/** The outbox's completion once the audit log has the batch: its rows deleted by id, one commit. */
		private void completer() throws Exception {
			try (Connection connection = DriverManager.getConnection(IssuanceFloor.this.url)) {
				connection.setAutoCommit(false);
				PreparedStatement delete = connection.prepareStatement(PUBLICATION_DELETE);
				while (this.running) {
					Batch batch = take(this.logged);
					if (batch == null) {
						return;
					}
					transaction(connection, () -> {
						delete.clearBatch();
						for (Signed certificate : batch.certificates()) {
							delete.setString(1, certificate.eventId());
							delete.addBatch();
						}
						long deleted = 0;
						for (int count : delete.executeBatch()) {
							deleted += count;
						}
						if (deleted != batch.certificates().size()) {
							throw new IllegalStateException("deleted " + deleted + " outbox rows of a batch of "
									+ batch.certificates().size());
						}
					});
					this.done.addAndGet(batch.certificates().size());
				}
			}
		}

		/**
		 * Runs the work and commits, again after a rollback for a deadlock (counted): the
		 * writer's inserts and the completer's deletes meet in EVENT_PUBLICATION.
		 */
		private void transaction(Connection connection, Work work) throws Exception {
			for (int attempt = 1;; attempt++) {
				try {
					work.run();
					connection.commit();
					return;
				}
				catch (SQLTransactionRollbackException ex) {
					connection.rollback();
					IssuanceFloor.this.deadlocks.incrementAndGet();
					if (attempt == 10) {
						throw ex;
					}
				}
			}
		}

	}

}
