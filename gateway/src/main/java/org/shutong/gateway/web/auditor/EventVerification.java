package org.shutong.gateway.web.auditor;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an auditor is told about one event: whether the log's latest signed checkpoint
 * proves it is in the log as it was shown.
 *
 * @param verdict the outcome
 * @param checkpointSize the size of the checkpoint it was checked against, when its
 * signature verified
 */
record EventVerification(Verdict verdict, @Nullable Long checkpointSize) {

	enum Verdict {

		/** The checkpoint's signature verifies and the proof gives its root. */
		VERIFIED,

		/** The signed checkpoint is older than the event: the next one will cover it. */
		AWAITING_CHECKPOINT,

		/** The signature or the proof does not verify. */
		FAILED

	}

	/** Where the audit path of the event comes from: the log, asked for a tree size. */
	@FunctionalInterface
	interface AuditPaths {

		List<byte[]> forTree(long treeSize);

	}

	/**
	 * Checks an event against a checkpoint note: the note must be signed by the log's
	 * key, and, when it covers the event, the inclusion proof for its tree size must give
	 * its root from the event's leaf hash.
	 * @param auditPaths the log's inclusion proof for the leaf in a tree of the given
	 * size
	 */
	static EventVerification check(String note, String keyName, byte[] publicKeyInfo, byte[] leafHash, long leafIndex,
			AuditPaths auditPaths) {
		CheckpointNote checkpoint = CheckpointNote.verified(note, keyName, publicKeyInfo).orElse(null);
		if (checkpoint == null) {
			return new EventVerification(Verdict.FAILED, null);
		}
		if (leafIndex >= checkpoint.treeSize()) {
			return new EventVerification(Verdict.AWAITING_CHECKPOINT, checkpoint.treeSize());
		}
		boolean included = InclusionProof.verifies(leafHash, leafIndex, checkpoint.treeSize(),
				auditPaths.forTree(checkpoint.treeSize()), checkpoint.rootHash());
		return new EventVerification(included ? Verdict.VERIFIED : Verdict.FAILED, checkpoint.treeSize());
	}

	public boolean verified() {
		return this.verdict == Verdict.VERIFIED;
	}

}
