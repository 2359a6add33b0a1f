package org.shutong.catalog.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.sharing.Grant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What of a provider's rows leaves the platform: only the items the grant names that the
 * resource still declares, each sensitive one masked by the resource's security level
 * ({@link Masking}) unless the grant allows raw values. Everything else the provider sent
 * is dropped here.
 */
final class FieldControl {

	private final Map<String, Boolean> granted = new LinkedHashMap<>();

	private final int securityLevel;

	private final boolean rawValues;

	FieldControl(DataResource resource, Grant grant) {
		Map<String, Boolean> declared = new LinkedHashMap<>();
		for (DataItem item : resource.items()) {
			declared.put(item.name(), item.sensitive());
		}
		for (String item : grant.items()) {
			Boolean sensitive = declared.get(item);
			if (sensitive != null) {
				this.granted.put(item, sensitive);
			}
		}
		this.securityLevel = resource.grading().securityLevel();
		this.rawValues = grant.rawValues();
	}

	/** The items a consumer may receive, in the grant's order. */
	List<String> items() {
		return List.copyOf(this.granted.keySet());
	}

	List<ObjectNode> apply(List<ObjectNode> rows) {
		List<ObjectNode> answer = new ArrayList<>(rows.size());
		for (ObjectNode row : rows) {
			ObjectNode kept = JsonNodeFactory.instance.objectNode();
			this.granted.forEach((item, sensitive) -> {
				JsonNode value = row.get(item);
				if (value != null) {
					kept.set(item, (sensitive && !this.rawValues) ? Masking.mask(value, this.securityLevel) : value);
				}
			});
			answer.add(kept);
		}
		return answer;
	}

}
