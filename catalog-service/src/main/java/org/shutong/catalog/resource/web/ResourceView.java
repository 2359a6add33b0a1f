package org.shutong.catalog.resource.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.EndpointParameter;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.ResourceStatus;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;

/**
 * One version of a resource as the API shows it.
 *
 * @param status {@code PUBLISHED} or {@code RETIRED}
 * @param createdAt when this version was made
 */
record ResourceView(String code, int version, String provider, String status, String name, String description,
		String category, int securityLevel, SharingType sharingType, @Nullable String sharingCondition,
		OpenType openType, UpdateCycle updateCycle, List<DataItem> items, Endpoint endpoint,
		@Nullable String retiredReason, Instant createdAt) {

	record Endpoint(String url, String method, List<EndpointParameter> parameters) {
	}

	static ResourceView of(DataResource resource) {
		DataResource.Description description = resource.description();
		DataResource.Grading grading = resource.grading();
		return new ResourceView(resource.code(), resource.version(), resource.providerCode(), status(resource.status()),
				description.name(), description.text(), description.category(), grading.securityLevel(),
				grading.sharingType(), grading.sharingCondition(), grading.openType(), grading.updateCycle(),
				resource.items(),
				new Endpoint(resource.endpoint().url(), resource.endpoint().method(), resource.parameters()),
				resource.retiredReason(), resource.createdAt());
	}

	/** The API's name of a stored status: an active version is a published one. */
	static String status(ResourceStatus status) {
		return (status == ResourceStatus.ACTIVE) ? "PUBLISHED" : status.name();
	}

}
