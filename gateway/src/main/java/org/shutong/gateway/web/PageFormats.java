package org.shutong.gateway.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.department.Department;
import org.shutong.gateway.department.DepartmentRegistry;

import org.springframework.stereotype.Component;

/**
 * How pages write what the services send: times in the platform's zone (China Standard
 * Time, where every deployment runs), departments by name. Templates call it as
 * {@code @pages}.
 */
@Component("pages")
public class PageFormats {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

	private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

	/**
	 * How long a table may name a department by its old name (or a new one by its credit
	 * code): it names one per row, and reading the registry for each would be a query per
	 * cell.
	 */
	private static final Duration NAMES_KEPT = Duration.ofSeconds(30);

	private final DepartmentRegistry departments;

	private final Cache<Boolean, Map<String, String>> names = Caffeine.newBuilder()
		.expireAfterWrite(NAMES_KEPT)
		.build();

	PageFormats(DepartmentRegistry departments) {
		this.departments = departments;
	}

	/** An ISO-8601 instant as {@code yyyy-MM-dd HH:mm}; anything else as it came. */
	public String time(@Nullable Object instant) {
		return format(instant, MINUTES);
	}

	public String day(@Nullable Object instant) {
		return format(instant, DAYS);
	}

	private static String format(@Nullable Object instant, DateTimeFormatter formatter) {
		if (instant == null) {
			return "";
		}
		try {
			return formatter.format(Instant.parse(instant.toString()));
		}
		catch (DateTimeParseException ex) {
			return instant.toString();
		}
	}

	/** The end of a day picked in a form, in the platform's zone. */
	public static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
	}

	/** A department's name, or its credit code when it is not registered here. */
	public String department(@Nullable Object creditCode) {
		if (creditCode == null) {
			return "";
		}
		return this.names.get(Boolean.TRUE, (all) -> departmentNames())
			.getOrDefault(creditCode.toString(), creditCode.toString());
	}

	/** Every department by credit code, read now (for a form's choice). */
	public Map<String, String> departmentNames() {
		return this.departments.all()
			.stream()
			.collect(Collectors.toMap((department) -> department.creditCode().value(), Department::name, (a, b) -> a,
					TreeMap::new));
	}

}
