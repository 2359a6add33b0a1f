package org.shutong.audit.retention;

import java.time.Instant;

/**
 * One archive file of the leaves {@code firstLeafIndex..lastLeafIndex}, as the
 * {@code event_archive} table records it and its manifest file repeats it.
 *
 * @param file the file's name in the archive directory
 * @param sha256 hex SHA-256 of the whole (gzip) file
 * @param cutoff the archived events occurred and were logged before this
 * @param checkpointNote the latest signed checkpoint when the file was written, which
 * covers every leaf in it
 */
public record ArchiveManifest(String file, long firstLeafIndex, long lastLeafIndex, long count, String sha256,
		Instant cutoff, Instant archivedAt, long checkpointTreeSize, String checkpointNote) {

	static String fileName(long firstLeafIndex, long lastLeafIndex) {
		return String.format("events-%012d-%012d.ndjson.gz", firstLeafIndex, lastLeafIndex);
	}

	static String manifestName(String file) {
		return file.substring(0, file.length() - ".ndjson.gz".length()) + ".manifest.json";
	}

}
