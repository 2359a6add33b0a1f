package org.shutong.audit.retention;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.checkpoint.Checkpoint;
import org.shutong.audit.checkpoint.CheckpointKey;
import org.shutong.audit.checkpoint.CheckpointStore;
import org.shutong.audit.retention.ArchiveTables.StoredLeaf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Exports old events, in leaf order, to archive files. Each file holds the next
 * contiguous run of leaves after the last archive whose events all occurred and were
 * logged before the cutoff, up to the latest checkpoint (so one signed root covers them
 * all). Each run is one transaction holding the archiver's job lock: it writes the file
 * and its manifest, then records the archive in {@code event_archive}. A run that fails
 * after writing leaves a file that the next run writes again, identically named.
 * Archiving deletes nothing.
 */
public final class EventArchiver {

	private static final Logger logger = LoggerFactory.getLogger(EventArchiver.class);

	private static final int CHUNK = 5000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ArchiveTables tables;

	private final CheckpointStore checkpoints;

	private final CheckpointKey key;

	private final TransactionOperations transactions;

	private final RetentionSettings settings;

	private final RetentionEvents events;

	private final Clock clock;

	EventArchiver(ArchiveTables tables, CheckpointStore checkpoints, CheckpointKey key,
			TransactionOperations transactions, RetentionSettings settings, RetentionEvents events, Clock clock) {
		this.tables = tables;
		this.checkpoints = checkpoints;
		this.key = key;
		this.transactions = transactions;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the archives written, oldest first
	 */
	public List<ArchiveManifest> archive() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant cutoff = now.minus(this.settings.archiveAfter());
		List<ArchiveManifest> written = new ArrayList<>();
		ArchiveManifest archive;
		while ((archive = this.transactions.execute((status) -> archiveNext(cutoff, now))) != null) {
			written.add(archive);
			logger.info("Archived leaves {} to {} to {}", archive.firstLeafIndex(), archive.lastLeafIndex(),
					archive.file());
			this.events.record("audit.archive.create", archive, archive.count());
		}
		return written;
	}

	/** The scheduled run: never throws, the next run tries again. */
	void archiveInBackground() {
		try {
			archive();
		}
		catch (RuntimeException ex) {
			logger.warn("Archiving old audit events failed and will be retried: {}", ex.toString());
		}
	}

	private @Nullable ArchiveManifest archiveNext(Instant cutoff, Instant now) {
		this.tables.lock();
		Optional<Checkpoint> latest = this.checkpoints.latest();
		if (latest.isEmpty()) {
			return null;
		}
		Checkpoint checkpoint = latest.get();
		long first = this.tables.nextLeaf();
		long bound = Math.min(checkpoint.treeSize(), first + this.settings.maxEventsPerFile());
		OptionalLong young = this.tables.firstNotOlderThan(first, bound, cutoff);
		long end = young.isPresent() ? young.getAsLong() : bound;
		if (end <= first) {
			return null;
		}
		String name = ArchiveManifest.fileName(first, end - 1);
		Path directory = this.settings.archiveDirectory();
		String sha256 = ArchiveFile.write(directory.resolve(name), (writer) -> {
			long next = first;
			while (next < end) {
				List<StoredLeaf> leaves = this.tables.leaves(next, end, CHUNK);
				for (StoredLeaf leaf : leaves) {
					if (leaf.leafIndex() != next) {
						break;
					}
					writer.write(leaf.leafIndex(), leaf.leaf());
					next++;
				}
				if (leaves.isEmpty() || next <= leaves.get(leaves.size() - 1).leafIndex()) {
					throw new IllegalStateException("Leaf " + next + " is not in audit_event; nothing was archived");
				}
			}
		});
		ArchiveManifest archive = new ArchiveManifest(name, first, end - 1, end - first, sha256, cutoff, now,
				checkpoint.treeSize(), checkpoint.note());
		ArchiveFile.writeText(directory.resolve(ArchiveManifest.manifestName(name)), manifest(archive, checkpoint));
		this.tables.insert(archive);
		return archive;
	}

	/**
	 * The manifest file: the archive's record, with all that is needed to check it
	 * offline.
	 */
	private String manifest(ArchiveManifest archive, Checkpoint checkpoint) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", "gzip NDJSON, one {\"leafIndex\": n, \"leaf\": base64} per line in leaf order;"
				+ " the leaf's hash in the tree is SHA-256(0x00 || leaf) (RFC 9162)");
		manifest.put("file", archive.file());
		manifest.put("firstLeafIndex", archive.firstLeafIndex());
		manifest.put("lastLeafIndex", archive.lastLeafIndex());
		manifest.put("count", archive.count());
		manifest.put("sha256", archive.sha256());
		manifest.put("cutoff", archive.cutoff().toString());
		manifest.put("archivedAt", archive.archivedAt().toString());
		Map<String, Object> signed = new LinkedHashMap<>();
		signed.put("treeSize", checkpoint.treeSize());
		signed.put("rootHash", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
		signed.put("note", checkpoint.note());
		manifest.put("checkpoint", signed);
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("name", this.key.name());
		key.put("keyId", HexFormat.of().formatHex(this.key.keyId()));
		key.put("algorithm", "ECDSA P-256 SHA-256");
		key.put("publicKey", Base64.getEncoder().encodeToString(this.key.publicKeyInfo()));
		manifest.put("checkpointKey", key);
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
	}

}
