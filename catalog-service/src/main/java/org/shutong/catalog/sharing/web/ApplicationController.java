package org.shutong.catalog.sharing.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.shutong.catalog.sharing.ApplicationRequest;
import org.shutong.catalog.sharing.ApplicationStatus;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.SharingApplication;
import org.shutong.catalog.sharing.SharingQueries;
import org.shutong.catalog.sharing.SharingService;
import org.shutong.catalog.sharing.Side;
import org.shutong.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing applications: a consumer department's system files them, the provider
 * department's system or operator decides them, either party reads them.
 */
@RestController
@PreAuthorize("denyAll")
class ApplicationController {

	static final String PARTY = "hasAnyAuthority('SCOPE_sharing.apply','SCOPE_sharing.review') or hasRole('DEPT_OPERATOR')";

	static final String DECIDER = "hasAuthority('SCOPE_sharing.review') or hasRole('DEPT_OPERATOR')";

	private final SharingService sharing;

	private final SharingQueries queries;

	ApplicationController(SharingService sharing, SharingQueries queries) {
		this.sharing = sharing;
		this.queries = queries;
	}

	@PostMapping("/api/catalog/resources/{code}/applications")
	@PreAuthorize("hasAuthority('SCOPE_sharing.apply')")
	ResponseEntity<ApplicationView> file(Caller caller, @PathVariable String code,
			@RequestBody ApplicationRequest request) {
		SharingApplication application = this.sharing.file(caller, code, request);
		return ResponseEntity.created(URI.create("/api/catalog/applications/" + application.id()))
			.body(view(application));
	}

	@GetMapping("/api/catalog/applications")
	@PreAuthorize(PARTY)
	ApplicationPage list(Caller caller,
			@RequestParam @Pattern(regexp = "provider|consumer", message = "must be provider or consumer") String side,
			@RequestParam(required = false) @Nullable ApplicationStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		List<ApplicationView> items = this.queries.applications(caller, Side.of(side), status, page, size)
			.stream()
			.map(this::view)
			.toList();
		return new ApplicationPage(items, page, size);
	}

	@GetMapping("/api/catalog/applications/{id}")
	@PreAuthorize(PARTY)
	ApplicationView get(Caller caller, @PathVariable String id) {
		return view(this.queries.application(caller, id));
	}

	@PostMapping("/api/catalog/applications/{id}/approve")
	@PreAuthorize(DECIDER)
	ApplicationView approve(Caller caller, @PathVariable String id,
			@RequestBody(required = false) @Valid @Nullable Approval approval) {
		Grant grant = this.sharing.approve(caller, id, (approval != null) ? approval.items() : null,
				approval != null && Boolean.TRUE.equals(approval.rawValues()));
		return view(this.queries.application(caller, grant.applicationId()));
	}

	@PostMapping("/api/catalog/applications/{id}/reject")
	@PreAuthorize(DECIDER)
	ApplicationView reject(Caller caller, @PathVariable String id, @RequestBody @Valid Reason reason) {
		return view(this.sharing.reject(caller, id, reason.reason()));
	}

	private ApplicationView view(SharingApplication application) {
		return ApplicationView.of(application, this.queries.grantOf(application).orElse(null));
	}

	record ApplicationPage(List<ApplicationView> items, int page, int size) {
	}

}
