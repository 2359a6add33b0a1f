package org.shutong.catalog.quality;

import java.util.ArrayList;
import java.util.List;

import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.EndpointParameter;

/**
 * How much of a resource's optional metadata the provider filled: each item's and each
 * endpoint parameter's description, and the endpoint's parameters themselves. The score
 * is the share filled, 0–100, rounded down; {@code missing} names the empty ones by JSON
 * path, as a publish body has them.
 */
public record Completeness(int score, int filled, int total, List<String> missing) {

	static Completeness of(DataResource resource) {
		List<String> missing = new ArrayList<>();
		int total = 0;
		List<DataItem> items = resource.items();
		for (int i = 0; i < items.size(); i++) {
			total++;
			if (blank(items.get(i).description())) {
				missing.add("items[" + i + "].description");
			}
		}
		List<EndpointParameter> parameters = resource.parameters();
		total++;
		if (parameters.isEmpty()) {
			missing.add("endpoint.parameters");
		}
		for (int i = 0; i < parameters.size(); i++) {
			total++;
			if (blank(parameters.get(i).description())) {
				missing.add("endpoint.parameters[" + i + "].description");
			}
		}
		int filled = total - missing.size();
		return new Completeness(filled * 100 / total, filled, total, List.copyOf(missing));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
