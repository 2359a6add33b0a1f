package org.shutong.catalog.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receipt's item names in one column, as a JSON array: they are read only with their
 * receipt.
 */
@Converter
class ItemList implements AttributeConverter<List<String>, String> {

	/**
	 * The most UTF-8 bytes of item names a receipt and its audit event keep, so that the
	 * event stays well inside the audit log's size limit.
	 */
	static final int MAX_BYTES = 3000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	/** The leading items whose names fit in {@link #MAX_BYTES}. */
	static List<String> fitting(List<String> items) {
		int bytes = 0;
		for (int i = 0; i < items.size(); i++) {
			bytes += items.get(i).getBytes(StandardCharsets.UTF_8).length + 3;
			if (bytes > MAX_BYTES) {
				return List.copyOf(items.subList(0, i));
			}
		}
		return List.copyOf(items);
	}

	@Override
	public String convertToDatabaseColumn(List<String> items) {
		return JSON.writeValueAsString(items);
	}

	@Override
	public List<String> convertToEntityAttribute(String column) {
		return (column == null) ? List.of() : JSON.readValue(column, NAMES);
	}

}
