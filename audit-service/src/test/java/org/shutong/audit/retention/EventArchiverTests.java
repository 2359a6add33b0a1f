package org.shutong.audit.retention;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.shutong.audit.AccessEvents;
import org.shutong.audit.checkpoint.Checkpoint;
import org.shutong.audit.checkpoint.CheckpointKey;
import org.shutong.audit.checkpoint.CheckpointStore;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventLeaves;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.audit.tree.MerkleHash;
import org.shutong.audit.tree.MerkleProofs;
import org.shutong.audit.tree.MerkleTree;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Archiving and purging on a database of their own (H2), with a clock the tests move on
 * by months. Each test appends its own events after those of the tests before, and
 * archives and purges whatever is due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:audit-retention;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"shutong.audit.alerts.enabled=false", "shutong.audit.retention.archive-enabled=false",
		"shutong.audit.retention.archive-after=180d", "shutong.audit.retention.max-events-per-file=1000",
		"shutong.audit.retention.directory=" + EventArchiverTests.DIRECTORY })
@ActiveProfiles("test")
class EventArchiverTests {

	static final String DIRECTORY = "target/test-data/archive-tests";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static {
		// The database is new with every run; so must the archive directory be.
		FileSystemUtils.deleteRecursively(new File(DIRECTORY));
	}

	@Autowired
	private MutableClock clock;

	@Autowired
	private AuditLog log;

	@Autowired
	private EventArchiver archiver;

	@Autowired
	private ArchivePurger purger;

	@Autowired
	private ArchiveVerifier verifier;

	@Autowired
	private JdbcTreeNodes nodes;

	@Autowired
	private CheckpointStore checkpoints;

	@Autowired
	private CheckpointKey key;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void archivesExactlyTheEventsOlderThanTheCutoffInLeafOrder() {
		archiveAndPurgeWhatIsDue();
		List<Long> old = append(4, Duration.ZERO);
		this.clock.advance(Duration.ofDays(100));
		List<Long> recent = append(2, Duration.ZERO);
		this.clock.advance(Duration.ofDays(100));
		// Occurred long ago, but logged only now: it must wait its 180 days in the log.
		List<Long> late = append(1, Duration.ofDays(-300));
		awaitCheckpoint();

		List<ArchiveManifest> first = this.archiver.archive();

		// Up to the last old event; before them, what the tests before logged as they
		// did.
		assertThat(first).hasSize(1);
		assertThat(first.get(0).lastLeafIndex()).isEqualTo(old.get(old.size() - 1));
		assertThat(first.get(0).count()).isEqualTo(first.get(0).lastLeafIndex() - first.get(0).firstLeafIndex() + 1);
		assertThat(archivedLeaves(first.get(0))).containsExactlyEntriesOf(storedLeaves(first.get(0)))
			.containsKeys(old.toArray(Long[]::new));
		assertThat(this.archiver.archive()).isEmpty();

		this.clock.advance(Duration.ofDays(90));
		List<ArchiveManifest> second = this.archiver.archive();

		assertThat(second).hasSize(1);
		assertThat(second.get(0).firstLeafIndex()).isEqualTo(old.get(old.size() - 1) + 1);
		assertThat(second.get(0).lastLeafIndex()).isEqualTo(recent.get(recent.size() - 1));
		assertThat(archivedLeaves(second.get(0))).containsExactlyEntriesOf(storedLeaves(second.get(0)));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM event_archive WHERE last_leaf_index >= ?", Long.class,
				late.get(0)))
			.isZero();
	}

	@Test
	void anArchiveVerifiesAgainstTheTreeAndTheCheckpointItNames() throws IOException {
		archiveAndPurgeWhatIsDue();
		List<Long> old = append(3, Duration.ZERO);
		this.clock.advance(Duration.ofDays(181));
		awaitCheckpoint();

		ArchiveManifest archive = this.archiver.archive().get(0);

		Map<Long, byte[]> leaves = archivedLeaves(archive);
		assertThat(leaves).containsExactlyEntriesOf(storedLeaves(archive)).containsKeys(old.toArray(Long[]::new));
		assertThat(archive.lastLeafIndex()).isEqualTo(old.get(2));
		leaves.forEach((leafIndex, leaf) -> assertThat(MerkleHash.leaf(leaf)).isEqualTo(this.nodes.node(0, leafIndex)));
		Path file = Path.of(DIRECTORY, archive.file());
		assertThat(HexFormat.of().formatHex(sha256(Files.readAllBytes(file)))).isEqualTo(archive.sha256());
		Checkpoint checkpoint = Checkpoint.parse(archive.checkpointNote());
		assertThat(this.key.verifies(checkpoint)).isTrue();
		assertThat(checkpoint.treeSize()).isGreaterThan(archive.lastLeafIndex());
		assertThat(new MerkleTree(this.nodes, this.nodes.size()).root(checkpoint.treeSize()))
			.isEqualTo(checkpoint.rootHash());
		this.verifier.verify(archive, null);

		JsonNode manifest = JSON.readTree(Path.of(DIRECTORY, ArchiveManifest.manifestName(archive.file())).toFile());
		assertThat(manifest.get("file").asString()).isEqualTo(archive.file());
		assertThat(manifest.get("firstLeafIndex").asLong()).isEqualTo(archive.firstLeafIndex());
		assertThat(manifest.get("lastLeafIndex").asLong()).isEqualTo(old.get(2));
		assertThat(manifest.get("count").asLong()).isEqualTo(archive.count());
		assertThat(manifest.get("sha256").asString()).isEqualTo(archive.sha256());
		assertThat(manifest.get("checkpoint").get("note").asString()).isEqualTo(archive.checkpointNote());
		assertThat(manifest.get("checkpointKey").get("publicKey").asString())
			.isEqualTo(Base64.getEncoder().encodeToString(this.key.publicKeyInfo()));
	}

	@Test
	void purgesOnlyArchivedRowsAndTheTreeStillProvesThem() {
		archiveAndPurgeWhatIsDue();
		List<Long> old = append(5, Duration.ZERO);
		this.clock.advance(Duration.ofDays(181));
		List<Long> kept = append(2, Duration.ZERO);
		awaitCheckpoint();
		ArchiveManifest archive = this.archiver.archive().get(0);
		Checkpoint archived = Checkpoint.parse(archive.checkpointNote());
		Map<Long, byte[]> leaves = archivedLeaves(archive);
		long nodesBefore = count("tree_node");
		long treeSize = this.nodes.size();

		List<ArchivePurger.Purged> purged = this.purger.purge();

		assertThat(archive.lastLeafIndex()).isEqualTo(old.get(4));
		assertThat(purged).extracting(ArchivePurger.Purged::deleted).containsExactly(archive.count());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE leaf_index BETWEEN ? AND ?",
				Long.class, archive.firstLeafIndex(), archive.lastLeafIndex()))
			.isZero();
		assertThat(storedLeaves(kept)).hasSize(2);
		assertThat(count("tree_node")).isGreaterThanOrEqualTo(nodesBefore);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'audit.archive.purge' AND resource = ?", Long.class,
				archive.file()))
			.isOne();

		// New events go on from the tree's size, and the next checkpoint extends the old
		// ones.
		long next = append(1, Duration.ZERO).get(0);
		assertThat(next).isGreaterThanOrEqualTo(treeSize);
		Checkpoint latest = awaitCheckpoint();
		assertThat(this.key.verifies(latest)).isTrue();
		MerkleTree tree = new MerkleTree(this.nodes, this.nodes.size());
		assertThat(tree.root(latest.treeSize())).isEqualTo(latest.rootHash());
		leaves.forEach((leafIndex, leaf) -> {
			assertThat(this.nodes.node(0, leafIndex)).isEqualTo(MerkleHash.leaf(leaf));
			assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf(leaf), leafIndex, latest.treeSize(),
					tree.inclusionProof(leafIndex, latest.treeSize()), latest.rootHash()))
				.as("inclusion of archived leaf %d", leafIndex)
				.isTrue();
			assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf(leaf), leafIndex, archived.treeSize(),
					tree.inclusionProof(leafIndex, archived.treeSize()), archived.rootHash()))
				.isTrue();
		});
		assertThat(MerkleProofs.verifyConsistency(archived.treeSize(), latest.treeSize(), archived.rootHash(),
				latest.rootHash(), tree.consistencyProof(archived.treeSize(), latest.treeSize())))
			.isTrue();
	}

	@Test
	void purgesNothingOfAnArchiveThatNoLongerVerifies() throws IOException {
		archiveAndPurgeWhatIsDue();
		List<Long> old = append(3, Duration.ZERO);
		this.clock.advance(Duration.ofDays(181));
		awaitCheckpoint();
		ArchiveManifest archive = this.archiver.archive().get(0);
		Path file = Path.of(DIRECTORY, archive.file());
		byte[] original = Files.readAllBytes(file);
		try {
			byte[] tampered = original.clone();
			tampered[tampered.length / 2] ^= 0x01;
			Files.write(file, tampered);

			assertThatExceptionOfType(ArchiveVerificationException.class).isThrownBy(this.purger::purge)
				.withMessageContaining(archive.file());
			assertThat(storedLeaves(old)).hasSize(3);

			Files.delete(file);
			assertThatExceptionOfType(ArchiveVerificationException.class).isThrownBy(this.purger::purge)
				.withMessageContaining("missing");
			assertThat(storedLeaves(old)).hasSize(3);
		}
		finally {
			Files.write(file, original);
		}
		assertThat(this.purger.purge()).extracting(ArchivePurger.Purged::deleted).containsExactly(archive.count());
	}

	@Test
	void refusesAnArchiveWhoseCheckpointWasNotSignedByTheLog() {
		archiveAndPurgeWhatIsDue();
		append(2, Duration.ZERO);
		this.clock.advance(Duration.ofDays(181));
		awaitCheckpoint();
		ArchiveManifest archive = this.archiver.archive().get(0);
		String note = archive.checkpointNote();
		String forged = note.replaceFirst("\n\\d+\n", "\n" + (Checkpoint.parse(note).treeSize() + 1) + "\n");
		ArchiveManifest withForgedCheckpoint = new ArchiveManifest(archive.file(), archive.firstLeafIndex(),
				archive.lastLeafIndex(), archive.count(), archive.sha256(), archive.cutoff(), archive.archivedAt(),
				archive.checkpointTreeSize(), forged);

		assertThatExceptionOfType(ArchiveVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(withForgedCheckpoint, null))
			.withMessageContaining("signature");
	}

	/** Leaves nothing due behind from the tests before. */
	private void archiveAndPurgeWhatIsDue() {
		awaitCheckpoint();
		this.archiver.archive();
		this.purger.purge();
	}

	private List<Long> append(int count, Duration occurredBeforeNow) {
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(AccessEvents.by(AccessEvents.newDepartment(), this.clock.instant().plus(occurredBeforeNow))
				.rows(i)
				.event());
		}
		return this.log.append(events).stream().map(Appended::leafIndex).toList();
	}

	/** Waits for the sequencer to sign the tree as it stands. */
	private Checkpoint awaitCheckpoint() {
		long size = this.nodes.size();
		Instant deadline = Instant.now().plusSeconds(20);
		while (Instant.now().isBefore(deadline)) {
			Checkpoint latest = this.checkpoints.latest().orElse(null);
			if (latest != null && latest.treeSize() >= size) {
				return latest;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No checkpoint of size " + size + " within 20 s");
	}

	private Map<Long, byte[]> archivedLeaves(ArchiveManifest archive) {
		Map<Long, byte[]> leaves = new LinkedHashMap<>();
		ArchiveFile.read(Path.of(DIRECTORY, archive.file()), leaves::put);
		return leaves;
	}

	private Map<Long, byte[]> storedLeaves(ArchiveManifest archive) {
		return storedLeaves(LongStream.rangeClosed(archive.firstLeafIndex(), archive.lastLeafIndex()).boxed().toList());
	}

	private Map<Long, byte[]> storedLeaves(List<Long> leafIndexes) {
		Map<Long, byte[]> leaves = new LinkedHashMap<>();
		for (long leafIndex : leafIndexes) {
			this.jdbc.query("SELECT leaf FROM audit_event WHERE leaf_index = ?",
					(RowCallbackHandler) (rs) -> leaves.put(leafIndex, rs.getBytes(1)), leafIndex);
		}
		leaves.values().forEach((leaf) -> assertThat(EventLeaves.parse(leaf).eventId()).isInstanceOf(UUID.class));
		return leaves;
	}

	private long count(String table) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (count != null) ? count : 0;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-01-05T02:00:00Z"));
		}

	}

}
