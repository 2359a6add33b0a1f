package org.shutong.catalog.sharing.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.shutong.catalog.sharing.GrantStatus;
import org.shutong.catalog.sharing.SharingQueries;
import org.shutong.catalog.sharing.SharingService;
import org.shutong.catalog.sharing.Side;
import org.shutong.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants: either party reads them, the provider revokes them.
 */
@RestController
@PreAuthorize("denyAll")
class GrantController {

	private final SharingService sharing;

	private final SharingQueries queries;

	GrantController(SharingService sharing, SharingQueries queries) {
		this.sharing = sharing;
		this.queries = queries;
	}

	@GetMapping("/api/catalog/grants")
	@PreAuthorize(ApplicationController.PARTY)
	GrantPage list(Caller caller,
			@RequestParam @Pattern(regexp = "provider|consumer", message = "must be provider or consumer") String side,
			@RequestParam(required = false) @Nullable GrantStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Instant now = this.queries.now();
		List<GrantView> items = this.queries.grants(caller, Side.of(side), status, page, size)
			.stream()
			.map((grant) -> GrantView.of(grant, now))
			.toList();
		return new GrantPage(items, page, size);
	}

	@GetMapping("/api/catalog/grants/{id}")
	@PreAuthorize(ApplicationController.PARTY)
	GrantView get(Caller caller, @PathVariable String id) {
		return GrantView.of(this.queries.grant(caller, id), this.queries.now());
	}

	@PostMapping("/api/catalog/grants/{id}/revoke")
	@PreAuthorize(ApplicationController.DECIDER)
	GrantView revoke(Caller caller, @PathVariable String id, @RequestBody @Valid Reason reason) {
		return GrantView.of(this.sharing.revoke(caller, id, reason.reason()), this.queries.now());
	}

	record GrantPage(List<GrantView> items, int page, int size) {
	}

}
