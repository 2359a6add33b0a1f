package org.shutong.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Modulith's publication repository, except that the audit outbox's publications
 * made in a transaction are written together just before it commits, as one JDBC batch
 * (one multi-row INSERT on MySQL), instead of one statement each: a batch of certificates
 * stores its ten thousand audit events in a few statements. They are written in the
 * transaction all the same, so they commit or roll back with it, and any other use of the
 * repository in the transaction writes them first, so that it sees them. Everything else
 * goes to Modulith's repository; the row is the one it writes (its 2.0 schema).
 */
final class BatchedPublicationRepository implements EventPublicationRepository {

	private static final String INSERT = """
			INSERT INTO EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS,
			COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	private final EventPublicationRepository delegate;

	private final JdbcOperations jdbc;

	private final EventSerializer serializer;

	private final boolean uuidColumn;

	/**
	 * @param uuidColumn whether {@code ID} is a UUID column (H2, PostgreSQL) rather than
	 * a string
	 */
	BatchedPublicationRepository(EventPublicationRepository delegate, JdbcOperations jdbc, EventSerializer serializer,
			boolean uuidColumn) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.uuidColumn = uuidColumn;
	}

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		if (!publication.isIdentifiedBy(AuditOutboxListener.TARGET)
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return this.delegate.create(publication);
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.publications.add(publication);
		return publication;
	}

	/** Writes what the current transaction has waiting. */
	private void written() {
		if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending) {
			pending.write();
		}
	}

	private void insert(List<TargetEventPublication> publications) {
		this.jdbc.batchUpdate(INSERT, publications, 1000, (statement, publication) -> {
			UUID id = publication.getIdentifier();
			statement.setObject(1, this.uuidColumn ? id : id.toString());
			statement.setString(2, publication.getEvent().getClass().getName());
			statement.setString(3, publication.getTargetIdentifier().getValue());
			statement.setTimestamp(4, Timestamp.from(publication.getPublicationDate()));
			statement.setString(5, this.serializer.serialize(publication.getEvent()).toString());
			statement.setString(6, publication.getStatus().name());
			statement.setInt(7, 1);
			statement.setTimestamp(8, Timestamp.from(publication.getPublicationDate()));
		});
	}

	/**
	 * The publications waiting for their transaction's commit, bound to it only while it
	 * is the current one (an inner transaction of its own keeps its own).
	 */
	private final class Pending implements TransactionSynchronization {

		private final List<TargetEventPublication> publications = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
		}

		void write() {
			if (!this.publications.isEmpty()) {
				insert(this.publications);
				this.publications.clear();
			}
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(BatchedPublicationRepository.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(BatchedPublicationRepository.this, this);
		}

		/**
		 * Let go before the commit or rollback: what other synchronizations do after it
		 * (with the repository too) is outside the transaction and must not write these.
		 */
		@Override
		public void beforeCompletion() {
			this.publications.clear();
			TransactionSynchronizationManager.unbindResourceIfPossible(BatchedPublicationRepository.this);
		}

	}

	@Override
	public void markProcessing(UUID identifier) {
		written();
		this.delegate.markProcessing(identifier);
	}

	@Override
	public void markCompleted(TargetEventPublication publication, Instant completionDate) {
		written();
		this.delegate.markCompleted(publication, completionDate);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		written();
		this.delegate.markCompleted(event, identifier, completionDate);
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		written();
		this.delegate.markCompleted(identifier, completionDate);
	}

	@Override
	public void markFailed(UUID identifier) {
		written();
		this.delegate.markFailed(identifier);
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		written();
		return this.delegate.markResubmitted(identifier, resubmissionDate);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		written();
		return this.delegate.findIncompletePublications();
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		written();
		return this.delegate.findIncompletePublicationsPublishedBefore(instant);
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		written();
		return this.delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		written();
		return this.delegate.findCompletedPublications();
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		written();
		this.delegate.deletePublications(identifiers);
	}

	@Override
	public void deleteCompletedPublications() {
		written();
		this.delegate.deleteCompletedPublications();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		written();
		this.delegate.deleteCompletedPublicationsBefore(instant);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		written();
		return this.delegate.findFailedPublications(criteria);
	}

	@Override
	public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
		written();
		return this.delegate.findByStatus(status);
	}

	@Override
	public int countByStatus(EventPublication.Status status) {
		written();
		return this.delegate.countByStatus(status);
	}

}
