package org.shutong.audit.retention;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.checkpoint.Checkpoint;
import org.shutong.audit.checkpoint.CheckpointKey;
import org.shutong.audit.retention.ArchiveTables.StoredLeaf;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.audit.tree.MerkleHash;
import org.shutong.audit.tree.MerkleTree;
import tools.jackson.core.JacksonException;

/**
 * Checks an archive file against everything that vouches for it: its recorded SHA-256,
 * the signed checkpoint recorded with it (signature, and the root the tree nodes give for
 * its size), the tree's level-0 node of every leaf, and every archived event still in the
 * database, byte for byte.
 */
public final class ArchiveVerifier {

	private static final int CHUNK = 5000;

	private final ArchiveTables tables;

	private final JdbcTreeNodes nodes;

	private final CheckpointKey key;

	private final Path directory;

	ArchiveVerifier(ArchiveTables tables, JdbcTreeNodes nodes, CheckpointKey key, Path directory) {
		this.tables = tables;
		this.nodes = nodes;
		this.key = key;
		this.directory = directory;
	}

	/**
	 * @param cutoff if given, every archived event still in the database must have
	 * occurred and been logged before it
	 * @throws ArchiveVerificationException saying what does not match
	 */
	public void verify(ArchiveManifest archive, @Nullable Instant cutoff) {
		verifyCheckpoint(archive);
		Path file = this.directory.resolve(archive.file());
		if (!Files.isRegularFile(file)) {
			throw new ArchiveVerificationException(archive, "the file " + file + " is missing");
		}
		Chunks chunks = new Chunks(archive);
		String sha256;
		try {
			sha256 = ArchiveFile.read(file, chunks::add);
		}
		catch (UncheckedIOException | JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new ArchiveVerificationException(archive, "the file cannot be read (" + ex.getMessage() + ")");
		}
		chunks.flush();
		if (!sha256.equals(archive.sha256())) {
			throw new ArchiveVerificationException(archive,
					"the file's SHA-256 is " + sha256 + ", not the recorded " + archive.sha256());
		}
		if (chunks.next != archive.lastLeafIndex() + 1 || chunks.next - archive.firstLeafIndex() != archive.count()) {
			throw new ArchiveVerificationException(archive, "the file ends before leaf " + archive.lastLeafIndex());
		}
		if (cutoff != null
				&& this.tables.countNotOlderThan(archive.firstLeafIndex(), archive.lastLeafIndex(), cutoff) > 0) {
			throw new ArchiveVerificationException(archive, "some of its events are not older than " + cutoff);
		}
	}

	private void verifyCheckpoint(ArchiveManifest archive) {
		Checkpoint checkpoint = Checkpoint.parse(archive.checkpointNote());
		if (!this.key.verifies(checkpoint)) {
			throw new ArchiveVerificationException(archive, "its checkpoint's signature does not verify");
		}
		if (checkpoint.treeSize() != archive.checkpointTreeSize() || checkpoint.treeSize() <= archive.lastLeafIndex()) {
			throw new ArchiveVerificationException(archive, "its checkpoint does not cover its leaves");
		}
		byte[] root = new MerkleTree(this.nodes, this.nodes.size()).root(checkpoint.treeSize());
		if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
			throw new ArchiveVerificationException(archive,
					"the tree's nodes no longer give its checkpoint's root at size " + checkpoint.treeSize());
		}
	}

	/** The file's lines, checked a chunk at a time against the tree and the table. */
	private final class Chunks {

		private final ArchiveManifest archive;

		private final List<StoredLeaf> pending = new ArrayList<>(CHUNK);

		private long next;

		Chunks(ArchiveManifest archive) {
			this.archive = archive;
			this.next = archive.firstLeafIndex();
		}

		void add(long leafIndex, byte[] leaf) {
			if (leafIndex != this.next || leafIndex > this.archive.lastLeafIndex()) {
				throw new ArchiveVerificationException(this.archive,
						"it holds leaf " + leafIndex + " where leaf " + this.next + " belongs");
			}
			this.pending.add(new StoredLeaf(leafIndex, leaf));
			this.next++;
			if (this.pending.size() == CHUNK) {
				flush();
			}
		}

		void flush() {
			if (this.pending.isEmpty()) {
				return;
			}
			long first = this.pending.get(0).leafIndex();
			int count = this.pending.size();
			List<byte[]> hashes = ArchiveVerifier.this.nodes.leafHashes(first, count);
			Map<Long, byte[]> stored = new HashMap<>();
			ArchiveVerifier.this.tables.leaves(first, first + count, count)
				.forEach((row) -> stored.put(row.leafIndex(), row.leaf()));
			for (int i = 0; i < count; i++) {
				StoredLeaf archived = this.pending.get(i);
				if (i >= hashes.size() || !MessageDigest.isEqual(MerkleHash.leaf(archived.leaf()), hashes.get(i))) {
					throw new ArchiveVerificationException(this.archive,
							"leaf " + archived.leafIndex() + " does not hash to the tree's node for it");
				}
				byte[] row = stored.get(archived.leafIndex());
				if (row != null && !MessageDigest.isEqual(row, archived.leaf())) {
					throw new ArchiveVerificationException(this.archive,
							"leaf " + archived.leafIndex() + " differs from the event stored in the database");
				}
			}
			this.pending.clear();
		}

	}

}
