package org.shutong.audit.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Deletes archived events from {@code audit_event}, the operator's explicit command run
 * with the schema owner's credentials (the service's own user cannot delete). Each
 * archive still holding rows is verified first ({@link ArchiveVerifier}: file,
 * checkpoint, tree nodes, stored rows, age); one that does not verify stops the purge
 * before anything of it is deleted. Tree nodes and checkpoints are never deleted, so
 * inclusion and consistency proofs still cover archived leaves. Rows go in chunks; a
 * purge cut short is finished by running it again.
 */
public final class ArchivePurger {

	private static final Logger logger = LoggerFactory.getLogger(ArchivePurger.class);

	private static final int CHUNK = 10_000;

	private final ArchiveTables tables;

	private final ArchiveVerifier verifier;

	private final TransactionOperations transactions;

	private final RetentionSettings settings;

	private final RetentionEvents events;

	private final Clock clock;

	ArchivePurger(ArchiveTables tables, ArchiveVerifier verifier, TransactionOperations transactions,
			RetentionSettings settings, RetentionEvents events, Clock clock) {
		this.tables = tables;
		this.verifier = verifier;
		this.transactions = transactions;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return each archive purged now, with the number of rows deleted
	 * @throws ArchiveVerificationException for the first archive that does not verify;
	 * the archives before it are purged, it and those after are not
	 */
	public List<Purged> purge() {
		Instant cutoff = this.clock.instant().minus(this.settings.archiveAfter());
		List<Purged> purged = new ArrayList<>();
		for (ArchiveManifest archive : this.tables.all()) {
			long first = archive.firstLeafIndex();
			long last = archive.lastLeafIndex();
			if (this.tables.countEvents(first, last) == 0) {
				continue;
			}
			this.verifier.verify(archive, cutoff);
			long deleted = 0;
			for (long from = first; from <= last; from += CHUNK) {
				long chunkFirst = from;
				long chunkLast = Math.min(last, from + CHUNK - 1);
				Integer count = this.transactions.execute((status) -> this.tables.delete(chunkFirst, chunkLast));
				deleted += (count != null) ? count : 0;
			}
			logger.info("Purged {} archived events, leaves {} to {} ({})", deleted, first, last, archive.file());
			this.events.record("audit.archive.purge", archive, deleted);
			purged.add(new Purged(archive, deleted));
		}
		return purged;
	}

	public record Purged(ArchiveManifest archive, long deleted) {
	}

}
