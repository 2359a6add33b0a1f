package org.shutong.gateway.web.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Data items and endpoint parameters as an operator types them without JavaScript: one
 * per line, {@code name|type|flag|description} (the flag is "sensitive" for an item,
 * "required" for a parameter). Blank lines are skipped; what is missing is sent as
 * missing, so that the catalogue names it.
 */
final class EntryLines {

	private static final Set<String> YES = Set.of("true", "yes", "y", "1", "是", "敏感", "必填");

	private EntryLines() {
	}

	static List<Map<String, Object>> items(@Nullable String text) {
		return entries(text, "sensitive");
	}

	static List<Map<String, Object>> parameters(@Nullable String text) {
		return entries(text, "required");
	}

	private static List<Map<String, Object>> entries(@Nullable String text, String flag) {
		List<Map<String, Object>> entries = new ArrayList<>();
		if (text == null) {
			return entries;
		}
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", 4);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", part(parts, 0));
			String type = part(parts, 1);
			entry.put("type", (type != null) ? type.toLowerCase(Locale.ROOT) : null);
			String flagValue = part(parts, 2);
			entry.put(flag, flagValue != null && YES.contains(flagValue.toLowerCase(Locale.ROOT)));
			entry.put("description", part(parts, 3));
			entries.add(entry);
		}
		return entries;
	}

	private static @Nullable String part(String[] parts, int index) {
		if (index >= parts.length || parts[index].isBlank()) {
			return null;
		}
		return parts[index].strip();
	}

	/** The lines of entries as the catalogue answered them, for editing. */
	static String lines(@Nullable Object entries, String flag) {
		if (!(entries instanceof List<?> list)) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (Object element : list) {
			if (element instanceof Map<?, ?> entry) {
				text.append(value(entry.get("name")))
					.append('|')
					.append(value(entry.get("type")))
					.append('|')
					.append(Boolean.TRUE.equals(entry.get(flag)))
					.append('|')
					.append(value(entry.get("description")))
					.append('\n');
			}
		}
		return text.toString();
	}

	private static String value(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
