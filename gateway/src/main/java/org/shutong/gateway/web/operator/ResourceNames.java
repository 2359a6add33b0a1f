package org.shutong.gateway.web.operator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The names of the resources a page lists by code (applications, grants and statistics
 * carry only the code), looked up in the catalogue; a code the catalogue will not show
 * stays a code.
 */
@Component
class ResourceNames {

	/** More would make one page wait for too many look-ups. */
	static final int MAX_LOOKUPS = 50;

	private final Catalog catalog;

	ResourceNames(Catalog catalog) {
		this.catalog = catalog;
	}

	Map<String, String> of(Collection<? extends Map<String, Object>> rows) {
		Set<String> codes = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			Object code = (row.get("resourceCode") != null) ? row.get("resourceCode") : row.get("resource");
			if (code != null) {
				codes.add(code.toString());
			}
		}
		return names(codes);
	}

	Map<String, String> names(Set<String> codes) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String code : codes) {
			if (names.size() >= MAX_LOOKUPS) {
				break;
			}
			try {
				Object name = this.catalog.get("/api/catalog/resources/{code}", code).get("name");
				if (name != null) {
					names.put(code, name.toString());
				}
			}
			catch (RestClientException ex) {
				// Shown by its code.
			}
		}
		return names;
	}

}
