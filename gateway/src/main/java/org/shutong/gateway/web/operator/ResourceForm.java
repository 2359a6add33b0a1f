package org.shutong.gateway.web.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The publish and edit form of a resource, as the browser posts it; the items and the
 * endpoint's parameters are {@link EntryLines}.
 */
public record ResourceForm(@Nullable String name, @Nullable String description, @Nullable String category,
		@Nullable String securityLevel, @Nullable String sharingType, @Nullable String sharingCondition,
		@Nullable String openType, @Nullable String updateCycle, @Nullable String items, @Nullable String endpointUrl,
		@Nullable String endpointMethod, @Nullable String parameters) {

	static final List<String> CATEGORIES = List.of("GA", "MZ", "RS", "SC", "WJ", "JY", "ZJ", "ZR", "SW", "JT", "ST",
			"SF", "TJ", "CZ", "QT");

	static final List<String> SHARING_TYPES = List.of("UNCONDITIONAL", "CONDITIONAL", "NOT_SHARED");

	static final List<String> OPEN_TYPES = List.of("OPEN", "CONDITIONAL", "NOT_OPEN");

	static final List<String> UPDATE_CYCLES = List.of("REALTIME", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY");

	static final List<String> TYPES = List.of("string", "integer", "decimal", "boolean", "date", "datetime", "binary");

	static ResourceForm empty() {
		return new ResourceForm(null, null, null, "2", "CONDITIONAL", null, "NOT_OPEN", "DAILY", null, null, "POST",
				null);
	}

	/** The form as the browser posted it, by the names of its fields. */
	static ResourceForm of(Map<String, String> fields) {
		return new ResourceForm(fields.get("name"), fields.get("description"), fields.get("category"),
				fields.get("securityLevel"), fields.get("sharingType"), fields.get("sharingCondition"),
				fields.get("openType"), fields.get("updateCycle"), fields.get("items"), fields.get("endpointUrl"),
				fields.get("endpointMethod"), fields.get("parameters"));
	}

	/** The form filled with a version of a resource, to change it. */
	static ResourceForm filledWith(Map<String, Object> resource) {
		Map<?, ?> endpoint = (resource.get("endpoint") instanceof Map<?, ?> map) ? map : Map.of();
		return new ResourceForm(text(resource.get("name")), text(resource.get("description")),
				text(resource.get("category")), text(resource.get("securityLevel")), text(resource.get("sharingType")),
				text(resource.get("sharingCondition")), text(resource.get("openType")),
				text(resource.get("updateCycle")), EntryLines.lines(resource.get("items"), "sensitive"),
				text(endpoint.get("url")), text(endpoint.get("method")),
				EntryLines.lines(endpoint.get("parameters"), "required"));
	}

	/** The body of a publish or update, as catalog-service takes it. */
	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", strip(this.name));
		body.put("description", strip(this.description));
		body.put("category", strip(this.category));
		body.put("securityLevel", level(this.securityLevel));
		body.put("sharingType", strip(this.sharingType));
		body.put("sharingCondition", strip(this.sharingCondition));
		body.put("openType", strip(this.openType));
		body.put("updateCycle", strip(this.updateCycle));
		body.put("items", EntryLines.items(this.items));
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("url", strip(this.endpointUrl));
		endpoint.put("method", strip(this.endpointMethod));
		endpoint.put("parameters", EntryLines.parameters(this.parameters));
		body.put("endpoint", endpoint);
		return body;
	}

	private static @Nullable Integer level(@Nullable String level) {
		try {
			return (level != null) ? Integer.valueOf(level.strip()) : null;
		}
		catch (NumberFormatException ex) {
			// Sent as missing, so the catalogue names the field.
			return null;
		}
	}

	private static @Nullable String strip(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
