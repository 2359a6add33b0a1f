package org.shutong.audit.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as {@code DATETIME(6)} literals in UTC (the connections' time zone). Bound as
 * text because Connector/J takes MariaDB's {@code 5.5.5-} version prefix for MySQL 5.5
 * and drops the fraction of a {@link java.sql.Timestamp}, which would make a stored time
 * differ from the one in the event's leaf.
 */
public final class DatabaseTimes {

	private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private DatabaseTimes() {
	}

	public static String of(Instant instant) {
		return DATETIME_6.format(instant);
	}

}
