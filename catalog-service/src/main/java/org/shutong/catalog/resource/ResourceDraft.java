package org.shutong.catalog.resource;

import java.util.List;

/**
 * What a provider says about a resource when it publishes or updates it, already
 * validated; the platform adds the code, the version and the provider.
 */
public record ResourceDraft(DataResource.Description description, DataResource.Grading grading,
		DataResource.Endpoint endpoint, List<EndpointParameter> parameters, List<DataItem> items) {

	public ResourceDraft {
		parameters = List.copyOf(parameters);
		items = List.copyOf(items);
	}

	public ResourceCategory category() {
		return ResourceCategory.valueOf(this.description.category());
	}

}
