package org.shutong.audit.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.alert.Alert.Acknowledgement;
import org.shutong.audit.log.DatabaseTimes;
import org.shutong.audit.log.EventLeaves;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Alerts as auditors read them, and their acknowledgements, which are inserted rows.
 */
public final class AlertStore {

	private static final String SELECT = "SELECT a.id, a.rule_code, a.department, a.window_start, a.window_end,"
			+ " a.summary, a.raised_at, k.acknowledged_by, k.acknowledged_at, k.note, k.event_id, e.leaf_index"
			+ " FROM alert a LEFT JOIN alert_acknowledgement k ON k.alert_id = a.id"
			+ " LEFT JOIN audit_event e ON e.event_id = k.event_id";

	private static final RowMapper<Alert> ALERT = AlertStore::alert;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	AlertStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	public Optional<Alert> find(long id) {
		return this.jdbc.query(SELECT + " WHERE a.id = ?", ALERT, id).stream().findFirst();
	}

	/**
	 * Newest first.
	 * @param before only alerts with a smaller id, if given
	 */
	public List<Alert> find(@Nullable AlertStatus status, @Nullable AlertRule rule, @Nullable String department,
			@Nullable Long before, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		if (status != null) {
			sql.append((status == AlertStatus.OPEN) ? " AND k.alert_id IS NULL" : " AND k.alert_id IS NOT NULL");
		}
		if (rule != null) {
			sql.append(" AND a.rule_code = :rule");
			parameters.addValue("rule", rule.name());
		}
		if (department != null) {
			sql.append(" AND a.department = :department");
			parameters.addValue("department", department);
		}
		if (before != null) {
			sql.append(" AND a.id < :before");
			parameters.addValue("before", before);
		}
		sql.append(" ORDER BY a.id DESC LIMIT :limit");
		return this.named.query(sql.toString(), parameters, ALERT);
	}

	/** How many logged events stand behind each of these alerts. */
	public Map<Long, Long> eventCounts(Collection<Long> alertIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (!alertIds.isEmpty()) {
			this.named.query("SELECT alert_id, COUNT(*) FROM alert_event WHERE alert_id IN (:ids) GROUP BY alert_id",
					Map.of("ids", alertIds), (rs) -> {
						counts.put(rs.getLong(1), rs.getLong(2));
					});
		}
		return counts;
	}

	/**
	 * The first {@code limit} events behind each alert after leaf {@code after}, in leaf
	 * order.
	 */
	public Map<Long, List<Evidence>> evidence(Collection<Long> alertIds, long after, int limit) {
		Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
		if (alertIds.isEmpty()) {
			return evidence;
		}
		this.named.query(
				"SELECT r.alert_id, r.leaf_index, e.leaf FROM (SELECT alert_id, leaf_index,"
						+ " ROW_NUMBER() OVER (PARTITION BY alert_id ORDER BY leaf_index) AS n FROM alert_event"
						+ " WHERE alert_id IN (:ids) AND leaf_index > :after) r"
						+ " LEFT JOIN audit_event e ON e.leaf_index = r.leaf_index WHERE r.n <= :limit"
						+ " ORDER BY r.alert_id, r.leaf_index",
				Map.of("ids", alertIds, "after", after, "limit", limit), (rs) -> {
					byte[] leaf = rs.getBytes(3);
					evidence.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
						.add(new Evidence(rs.getLong(2), (leaf != null) ? EventLeaves.parse(leaf) : null));
				});
		return evidence;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException if the alert has one already
	 */
	void insertAcknowledgement(long alertId, Acknowledgement acknowledgement) {
		this.jdbc.update(
				"INSERT INTO alert_acknowledgement (alert_id, acknowledged_by, acknowledged_at, note, event_id)"
						+ " VALUES (?, ?, ?, ?, ?)",
				alertId, acknowledgement.acknowledgedBy(), DatabaseTimes.of(acknowledgement.acknowledgedAt()),
				acknowledgement.note(), acknowledgement.eventId().toString());
	}

	/** The event at this leaf, if it is still in the table. */
	Optional<AuditEvent> event(long leafIndex) {
		return this.jdbc
			.query("SELECT leaf FROM audit_event WHERE leaf_index = ?", (rs, row) -> EventLeaves.parse(rs.getBytes(1)),
					leafIndex)
			.stream()
			.findFirst();
	}

	private static Alert alert(ResultSet rs, int row) throws SQLException {
		String acknowledgedBy = rs.getString("acknowledged_by");
		Acknowledgement acknowledgement = null;
		if (acknowledgedBy != null) {
			long leafIndex = rs.getLong("leaf_index");
			acknowledgement = new Acknowledgement(acknowledgedBy, instant(rs, "acknowledged_at"), rs.getString("note"),
					UUID.fromString(rs.getString("event_id").trim()), rs.wasNull() ? null : leafIndex);
		}
		return new Alert(rs.getLong("id"), AlertRule.valueOf(rs.getString("rule_code")), department(rs),
				instant(rs, "window_start"), instant(rs, "window_end"), rs.getString("summary"),
				instant(rs, "raised_at"), acknowledgement);
	}

	private static @Nullable String department(ResultSet rs) throws SQLException {
		String department = rs.getString("department");
		return (department != null) ? department.trim() : null;
	}

	/**
	 * A {@code DATETIME(6)} column holding a UTC time, as {@link DatabaseTimes} wrote it.
	 */
	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	/**
	 * @param event null once the event was archived and purged from the table
	 */
	public record Evidence(long leafIndex, @Nullable AuditEvent event) {
	}

}
