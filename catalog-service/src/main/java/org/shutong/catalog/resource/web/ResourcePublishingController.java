package org.shutong.catalog.resource.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.ResourceCatalogue;
import org.shutong.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's systems publish, update and retire their resources (scope
 * {@code catalog.write}); the provider is always the token's department.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_catalog.write')")
class ResourcePublishingController {

	private final ResourceCatalogue catalogue;

	ResourcePublishingController(ResourceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@PostMapping("/api/catalog/resources")
	ResponseEntity<ResourceView> publish(Caller caller, @RequestBody ResourceRequest request) {
		// The department is checked before the body, so a system without one learns that
		// first.
		this.catalogue.requireDepartment(caller);
		DataResource published = this.catalogue.publish(caller, ResourceRequests.draft(request));
		return ResponseEntity.created(URI.create("/api/catalog/resources/" + published.code()))
			.body(ResourceView.of(published));
	}

	@PutMapping("/api/catalog/resources/{code}")
	ResourceView update(Caller caller, @PathVariable String code, @RequestBody ResourceRequest request) {
		this.catalogue.changeable(caller, code);
		return ResourceView.of(this.catalogue.update(caller, code, ResourceRequests.draft(request)));
	}

	@PostMapping("/api/catalog/resources/{code}/retire")
	ResourceView retire(Caller caller, @PathVariable String code,
			@RequestBody(required = false) ResourceRequest.@Nullable Retirement retirement) {
		this.catalogue.changeable(caller, code);
		return ResourceView.of(this.catalogue.retire(caller, code, ResourceRequests.reason(retirement)));
	}

}
