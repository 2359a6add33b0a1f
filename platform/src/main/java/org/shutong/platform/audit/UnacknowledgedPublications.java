package org.shutong.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The audit outbox's publications that are to be sent again, found and claimed with
 * statements of its own rather than Spring Modulith's. Modulith's query for failed
 * publications ({@code STATUS = 'FAILED' OR (STATUS IS NULL AND COMPLETION_DATE IS NULL)
 * ... ORDER BY PUBLICATION_DATE}) cannot use the status index because of the {@code OR},
 * so it sorts every failed row: 90 seconds a pass with a million of them on MariaDB. Its
 * staleness check reads every publication of a status into memory, and it claims each
 * publication with a transaction of its own. Here every statement is a range of the
 * {@code (STATUS, PUBLICATION_DATE)} index, and a pass is claimed with one commit.
 */
final class UnacknowledgedPublications {

	private static final Logger logger = LoggerFactory.getLogger(UnacknowledgedPublications.class);

	private static final String LOST_SINCE_PUBLISHED = """
			UPDATE EVENT_PUBLICATION SET STATUS = 'FAILED'
			WHERE STATUS IN ('PUBLISHED', 'PROCESSING') AND PUBLICATION_DATE < ? AND LISTENER_ID = ?""";

	private static final String LOST_SINCE_RESUBMITTED = """
			UPDATE EVENT_PUBLICATION SET STATUS = 'FAILED'
			WHERE STATUS = 'RESUBMITTED' AND LAST_RESUBMISSION_DATE < ? AND LISTENER_ID = ?""";

	private static final String OLDEST_FAILED = """
			SELECT ID, PUBLICATION_DATE, SERIALIZED_EVENT FROM EVENT_PUBLICATION
			WHERE STATUS = 'FAILED' AND LISTENER_ID = ?%s
			ORDER BY PUBLICATION_DATE, ID LIMIT ?""";

	private static final String AFTER = " AND (PUBLICATION_DATE > ? OR (PUBLICATION_DATE = ? AND ID > ?))";

	private static final String CLAIM = """
			UPDATE EVENT_PUBLICATION SET STATUS = 'RESUBMITTED', COMPLETION_ATTEMPTS = COMPLETION_ATTEMPTS + 1,
			LAST_RESUBMISSION_DATE = ? WHERE ID = ? AND STATUS = 'FAILED'""";

	private final JdbcOperations jdbc;

	private final TransactionOperations transactions;

	private final EventSerializer serializer;

	private final boolean uuidColumn;

	/**
	 * @param uuidColumn whether {@code ID} is a UUID column (H2, PostgreSQL) rather than
	 * a string
	 */
	UnacknowledgedPublications(JdbcOperations jdbc, TransactionOperations transactions, EventSerializer serializer,
			boolean uuidColumn) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.serializer = serializer;
		this.uuidColumn = uuidColumn;
	}

	/**
	 * A failed publication.
	 *
	 * @param event its audit event, or none when this version cannot read it
	 */
	record Failed(UUID id, Instant publishedAt, @Nullable AuditEvent event) {
	}

	/**
	 * Marks failed the publications neither acknowledged nor failed since before the
	 * given instant: published then, or resubmitted then.
	 * @return how many
	 */
	int markLost(Instant before) {
		Timestamp reference = Timestamp.from(before);
		return this.jdbc.update(LOST_SINCE_PUBLISHED, reference, AuditOutboxListener.ID)
				+ this.jdbc.update(LOST_SINCE_RESUBMITTED, reference, AuditOutboxListener.ID);
	}

	/**
	 * The oldest failed publications, in publication order.
	 * @param after where the previous read of a round ended, none for the first
	 */
	List<Failed> oldest(@Nullable Failed after, int limit) {
		List<Object> arguments = new ArrayList<>(List.of(AuditOutboxListener.ID));
		if (after != null) {
			Timestamp date = Timestamp.from(after.publishedAt());
			arguments.addAll(List.of(date, date, databaseId(after.id())));
		}
		arguments.add(limit);
		return this.jdbc.query(OLDEST_FAILED.formatted((after != null) ? AFTER : ""), this::read, arguments.toArray());
	}

	/**
	 * Marks the publications resubmitted, in one transaction, unless another instance was
	 * first.
	 * @return those this call marked
	 */
	List<Failed> claim(List<Failed> publications, Instant now) {
		if (publications.isEmpty()) {
			return List.of();
		}
		Timestamp resubmitted = Timestamp.from(now);
		int[][] counts = this.transactions.execute((status) -> this.jdbc.batchUpdate(CLAIM, publications,
				publications.size(), (statement, publication) -> {
					statement.setTimestamp(1, resubmitted);
					statement.setObject(2, databaseId(publication.id()));
				}));
		List<Failed> claimed = new ArrayList<>();
		for (int i = 0; i < publications.size(); i++) {
			if (counts[0][i] == 1) {
				claimed.add(publications.get(i));
			}
		}
		return claimed;
	}

	private Failed read(ResultSet row, int index) throws SQLException {
		Object stored = row.getObject("ID");
		UUID id = (stored instanceof UUID uuid) ? uuid : UUID.fromString(stored.toString());
		Instant publishedAt = row.getTimestamp("PUBLICATION_DATE").toInstant();
		try {
			return new Failed(id, publishedAt,
					(AuditEvent) this.serializer.deserialize(row.getString("SERIALIZED_EVENT"), AuditEvent.class));
		}
		catch (RuntimeException ex) {
			logger.error("Cannot read stored audit publication {}: {}", id, ex.toString());
			return new Failed(id, publishedAt, null);
		}
	}

	private Object databaseId(UUID id) {
		return this.uuidColumn ? id : id.toString();
	}

}
