package org.shutong.catalog.resource.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.ResourceCatalogue;
import org.shutong.catalog.resource.ResourceCategory;
import org.shutong.catalog.resource.ResourceSearch;
import org.shutong.catalog.resource.ResourceStatus;
import org.shutong.catalog.resource.ResourceSummary;
import org.shutong.catalog.resource.ResourceVersion;
import org.shutong.catalog.resource.SharingType;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue as departments browse it.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_catalog.read') or hasAnyRole('DEPT_OPERATOR','AUDITOR','ADMIN')")
class ResourceController {

	/** Keeps page × size within the int offset the database query takes. */
	private static final int MAX_PAGE = 1_000_000;

	private static final List<String> STATUSES = List.of("PUBLISHED", "RETIRED");

	private final DataResourceRepository resources;

	private final ResourceSearch search;

	ResourceController(DataResourceRepository resources, ResourceSearch search) {
		this.resources = resources;
		this.search = search;
	}

	@GetMapping("/api/catalog/resources")
	ResourcePage list(@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @RequestParam @Nullable String category,
			@RequestParam @Nullable String sharingType, @RequestParam @Nullable String provider,
			@RequestParam @Nullable Integer securityLevel, @RequestParam @Nullable String status,
			@RequestParam @Nullable String q) {
		List<FieldError> errors = new ArrayList<>();
		if (q != null && q.length() > ResourceSearch.MAX_QUERY_LENGTH) {
			errors.add(new FieldError("q", "must be at most " + ResourceSearch.MAX_QUERY_LENGTH + " characters"));
		}
		if (category != null && !names(ResourceCategory.values()).contains(category)) {
			errors.add(new FieldError("category", "must be one of " + names(ResourceCategory.values())));
		}
		if (sharingType != null && !names(SharingType.values()).contains(sharingType)) {
			errors.add(new FieldError("sharingType", "must be one of " + names(SharingType.values())));
		}
		if (provider != null && !CreditCode.isValid(provider)) {
			errors.add(new FieldError("provider", "must be a unified social credit code (GB 32100)"));
		}
		if (securityLevel != null && (securityLevel < 1 || securityLevel > 4)) {
			errors.add(new FieldError("securityLevel", "must be between 1 and 4"));
		}
		if (status != null && !STATUSES.contains(status)) {
			errors.add(new FieldError("status", "must be one of " + STATUSES));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The request has invalid parameters.", errors));
		}
		ResourceStatus wanted = "RETIRED".equals(status) ? ResourceStatus.RETIRED : ResourceStatus.ACTIVE;
		SharingType sharing = (sharingType != null) ? SharingType.valueOf(sharingType) : null;
		Short level = (securityLevel != null) ? securityLevel.shortValue() : null;
		Page<ResourceSummary> found = (q != null && !q.isBlank())
				? this.search.search(q, wanted, category, sharing, provider, level, PageRequest.of(page, size))
				: this.resources.findNewest(wanted, category, sharing, provider, level, PageRequest.of(page, size));
		return new ResourcePage(found.getContent(), page, size, found.getTotalElements());
	}

	@GetMapping("/api/catalog/resources/{code}")
	ResourceView get(@PathVariable String code, @RequestParam @Nullable @Min(1) Integer version) {
		DataResource resource = ((version != null) ? this.resources.findByCodeAndVersion(code, version)
				: this.resources.findFirstByCodeOrderByVersionDesc(code))
			.orElseThrow(() -> ResourceCatalogue.notFound((version != null) ? code + " version " + version : code));
		return ResourceView.of(resource);
	}

	@GetMapping("/api/catalog/resources/{code}/versions")
	VersionList versions(@PathVariable String code) {
		List<ResourceVersion> versions = this.resources.findVersions(code);
		if (versions.isEmpty()) {
			throw ResourceCatalogue.notFound(code);
		}
		return new VersionList(code, versions.stream()
			.map((v) -> new VersionList.Entry(v.version(), ResourceView.status(v.status()), v.name(), v.createdAt()))
			.toList());
	}

	private static List<String> names(Enum<?>[] constants) {
		return Arrays.stream(constants).map(Enum::name).toList();
	}

	record ResourcePage(List<ResourceSummary> items, int page, int size, long total) {
	}

	record VersionList(String code, List<Entry> versions) {

		record Entry(int version, String status, String name, java.time.Instant createdAt) {
		}

	}

}
