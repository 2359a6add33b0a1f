package org.shutong.catalog.resource.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.ResourceSummary;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue as departments browse it.
 */
@RestController
class ResourceController {

	/** Keeps page × size within the int offset the database query takes. */
	private static final int MAX_PAGE = 1_000_000;

	private final DataResourceRepository resources;

	ResourceController(DataResourceRepository resources) {
		this.resources = resources;
	}

	@GetMapping("/api/catalog/resources")
	@PreAuthorize("hasAuthority('SCOPE_catalog.read') or hasAnyRole('DEPT_OPERATOR','AUDITOR','ADMIN')")
	ResourcePage list(@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new ResourcePage(this.resources.findNewestActive(PageRequest.of(page, size)), page, size);
	}

	record ResourcePage(List<ResourceSummary> items, int page, int size) {
	}

}
