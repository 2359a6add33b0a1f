package org.shutong.audit.retention;

/**
 * An archive that does not match what it claims to hold, the tree, or the database; its
 * events are not purged.
 */
public class ArchiveVerificationException extends RuntimeException {

	ArchiveVerificationException(ArchiveManifest archive, String problem) {
		super("Archive " + archive.file() + " (leaves " + archive.firstLeafIndex() + " to " + archive.lastLeafIndex()
				+ ") does not verify: " + problem);
	}

}
