package org.shutong.audit.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.shutong.platform.audit.AuditEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@code audit_event} table as the sequencer writes it: one batched INSERT per batch,
 * never an UPDATE or DELETE.
 */
final class EventRows {

	private static final int LOOKUP_CHUNK = 500;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	EventRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** The leaf index of each of these events that is already logged. */
	Map<UUID, Long> logged(Collection<UUID> eventIds) {
		Map<UUID, Long> logged = new HashMap<>();
		List<String> ids = eventIds.stream().map(UUID::toString).toList();
		RowCallbackHandler collect = (rs) -> logged.put(UUID.fromString(rs.getString(1).trim()), rs.getLong(2));
		for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
			this.named.query("SELECT event_id, leaf_index FROM audit_event WHERE event_id IN (:ids)",
					Map.of("ids", chunk), collect);
		}
		return logged;
	}

	void insertAll(long firstLeafIndex, List<Leaf> leaves, Instant receivedAt) {
		List<Object[]> rows = new ArrayList<>(leaves.size());
		String received = DatabaseTimes.of(receivedAt);
		for (int i = 0; i < leaves.size(); i++) {
			AuditEvent event = leaves.get(i).event();
			AuditEvent.Subject subject = event.subject();
			rows.add(new Object[] { firstLeafIndex + i, event.eventId().toString(),
					DatabaseTimes.of(event.occurredAt()), received, event.action(), event.outcome().name(),
					event.actor().departmentCode(), (subject != null) ? subject.reference() : null, event.resource(),
					event.serviceItemCode(), leaves.get(i).bytes() });
		}
		this.jdbc
			.batchUpdate("INSERT INTO audit_event (leaf_index, event_id, occurred_at, received_at, action, outcome,"
					+ " actor_department, subject_reference, resource, service_item_code, leaf)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

}
