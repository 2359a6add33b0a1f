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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the log newest first, one page at a time, cut by leaf index (keyset paging), so
 * that a page costs the same at any depth and events appended meanwhile neither shift nor
 * repeat a page. Each equality filter has an index ending in {@code leaf_index}
 * ({@code V4__audit_event_search.sql}), read backwards from {@code before} for one page.
 * The event itself is read back from its leaf, the bytes the tree proves.
 * <p>
 * A time range is the hard case: seeing {@code ORDER BY leaf_index DESC LIMIT n}, the
 * optimizer likes to walk the primary key (or an equality filter's index) down from the
 * newest event until the page is full, which for a range in the past means reading every
 * newer event (83,000 rows of 100,000 for a month back, on MariaDB). So a time range
 * first counts its events in the {@code occurred_at} index alone, up to {@link #NARROW};
 * a range that narrow is read through that index only and sorted, so a page never costs
 * more than that many rows. A wider range is left to the optimizer.
 */
@Repository
public class EventSearch {

	/** The most events a time range may hold to be read through its index and sorted. */
	static final int NARROW = 10_000;

	private static final String COLUMNS = "SELECT leaf_index, received_at, leaf FROM audit_event";

	private static final String TIME_INDEX = "ix_audit_event_occurred_at";

	private static final RowMapper<EventRecord> RECORD = EventSearch::record;

	private final NamedParameterJdbcTemplate jdbc;

	private final int narrow;

	@Autowired
	EventSearch(NamedParameterJdbcTemplate jdbc) {
		this(jdbc, NARROW);
	}

	/**
	 * @param narrow the most events a time range may hold to be read and sorted
	 */
	EventSearch(NamedParameterJdbcTemplate jdbc, int narrow) {
		this.jdbc = jdbc;
		this.narrow = narrow;
	}

	/**
	 * @param before only events with a smaller leaf index, if given
	 * @param limit the most events returned
	 * @return the matching events, the highest leaf index first
	 */
	public List<EventRecord> newestFirst(EventFilter filter, @Nullable Long before, int limit) {
		Conditions where = new Conditions();
		where.equal("actor_department", filter.department());
		where.equal("action", filter.action());
		where.equal("resource", filter.resource());
		where.equal("subject_reference", filter.subject());
		where.equal("outcome", (filter.outcome() != null) ? filter.outcome().name() : null);
		where.equal("service_item_code", filter.serviceItem());
		Conditions time = new Conditions();
		time.time(filter, before);
		boolean timed = filter.from() != null || filter.to() != null;
		// Never more than the narrow range's events read, whatever else is filtered on.
		String table = (timed && narrow(time)) ? " USE INDEX (" + TIME_INDEX + ")" : "";
		where.add(time);
		where.parameters.addValue("limit", limit);
		return this.jdbc.query(COLUMNS + table + " WHERE 1 = 1" + where.sql + " ORDER BY leaf_index DESC LIMIT :limit",
				where.parameters, RECORD);
	}

	public Optional<EventRecord> find(long leafIndex) {
		return this.jdbc
			.query(COLUMNS + " WHERE leaf_index = :leaf_index", new MapSqlParameterSource("leaf_index", leafIndex),
					RECORD)
			.stream()
			.findFirst();
	}

	/**
	 * Whether the time range (below {@code before}) is narrow enough to read and sort.
	 */
	private boolean narrow(Conditions time) {
		MapSqlParameterSource parameters = new MapSqlParameterSource(time.parameters.getValues()).addValue("cap",
				this.narrow + 1);
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM audit_event USE INDEX (" + TIME_INDEX
				+ ") WHERE 1 = 1" + time.sql + " LIMIT :cap) capped", parameters, Long.class);
		return count != null && count <= this.narrow;
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

	/**
	 * {@code AND}ed conditions with their parameters; columns come from this class only.
	 */
	private static final class Conditions {

		private final StringBuilder sql = new StringBuilder();

		private final MapSqlParameterSource parameters = new MapSqlParameterSource();

		void equal(String column, @Nullable String value) {
			if (value != null) {
				this.sql.append(" AND ").append(column).append(" = :").append(column);
				this.parameters.addValue(column, value);
			}
		}

		/** The time range, and {@code before}, which a narrow range is counted below. */
		void time(EventFilter filter, @Nullable Long before) {
			if (filter.from() != null) {
				this.sql.append(" AND occurred_at >= :from_time");
				// Bound as text: see DatabaseTimes.
				this.parameters.addValue("from_time", DatabaseTimes.of(ceilMicros(filter.from())));
			}
			if (filter.to() != null) {
				this.sql.append(" AND occurred_at < :to_time");
				this.parameters.addValue("to_time", DatabaseTimes.of(ceilMicros(filter.to())));
			}
			if (before != null) {
				this.sql.append(" AND leaf_index < :before");
				this.parameters.addValue("before", before);
			}
		}

		void add(Conditions other) {
			this.sql.append(other.sql);
			this.parameters.addValues(other.parameters.getValues());
		}

	}

}
