package org.shutong.audit.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.log.DatabaseTimes;
import org.shutong.audit.log.EventLeaves;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the log newest first, one page at a time, cut by leaf index (keyset paging), so
 * that a page costs the same at any depth and events appended meanwhile neither shift nor
 * repeat a page. Each filter is an equality or range on a column whose index ends in
 * {@code leaf_index} ({@code V4__audit_event_search.sql}). The event itself is read back
 * from its leaf, the bytes the tree proves.
 */
@Repository
public class EventSearch {

	private static final String SELECT = "SELECT leaf_index, received_at, leaf FROM audit_event";

	private static final RowMapper<EventRecord> RECORD = EventSearch::record;

	private final NamedParameterJdbcTemplate jdbc;

	EventSearch(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param before only events with a smaller leaf index, if given
	 * @param limit the most events returned
	 * @return the matching events, the highest leaf index first
	 */
	public List<EventRecord> newestFirst(EventFilter filter, @Nullable Long before, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		equal(sql, parameters, "actor_department", filter.department());
		equal(sql, parameters, "action", filter.action());
		equal(sql, parameters, "resource", filter.resource());
		equal(sql, parameters, "subject_reference", filter.subject());
		equal(sql, parameters, "outcome", (filter.outcome() != null) ? filter.outcome().name() : null);
		equal(sql, parameters, "service_item_code", filter.serviceItem());
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= :from_time");
			parameters.addValue("from_time", DatabaseTimes.of(ceilMicros(filter.from())));
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < :to_time");
			parameters.addValue("to_time", DatabaseTimes.of(ceilMicros(filter.to())));
		}
		if (before != null) {
			sql.append(" AND leaf_index < :before");
			parameters.addValue("before", before);
		}
		sql.append(" ORDER BY leaf_index DESC LIMIT :limit");
		parameters.addValue("limit", limit);
		return this.jdbc.query(sql.toString(), parameters, RECORD);
	}

	public Optional<EventRecord> find(long leafIndex) {
		return this.jdbc
			.query(SELECT + " WHERE leaf_index = :leaf_index", new MapSqlParameterSource("leaf_index", leafIndex),
					RECORD)
			.stream()
			.findFirst();
	}

	private static void equal(StringBuilder sql, MapSqlParameterSource parameters, String column,
			@Nullable String value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = :").append(column);
			parameters.addValue(column, value);
		}
	}

	/**
	 * The log keeps times to the microsecond; rounding a bound up keeps exactly the
	 * events the bound itself would: at or after it for {@code from}, before it for
	 * {@code to}.
	 */
	private static Instant ceilMicros(Instant instant) {
		Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
		return micros.equals(instant) ? micros : micros.plus(1, ChronoUnit.MICROS);
	}

	private static EventRecord record(ResultSet rs, int row) throws SQLException {
		byte[] leaf = rs.getBytes("leaf");
		// Stored as UTC text (DatabaseTimes), read back without any time zone in between.
		Instant receivedAt = rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
		return new EventRecord(rs.getLong("leaf_index"), receivedAt, EventLeaves.parse(leaf), leaf);
	}

}
