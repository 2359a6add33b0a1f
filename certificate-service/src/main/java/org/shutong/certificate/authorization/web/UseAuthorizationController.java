package org.shutong.certificate.authorization.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.authorization.UseAuthorization;
import org.shutong.certificate.authorization.UseAuthorizations;
import org.shutong.certificate.authorization.UseRequest;
import org.shutong.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holder authorises departments to use their certificates, lists and withdraws the
 * authorisations.
 */
@RestController
@PreAuthorize("hasRole('CITIZEN')")
class UseAuthorizationController {

	private final UseAuthorizations authorizations;

	private final Clock clock;

	UseAuthorizationController(UseAuthorizations authorizations, Clock clock) {
		this.authorizations = authorizations;
		this.clock = clock;
	}

	@PostMapping("/api/certificates/{id}/authorizations")
	ResponseEntity<View> authorize(Caller caller, @PathVariable String id, @RequestBody Body body) {
		UseRequest request = UseRequest.of(body.departmentCode(), body.serviceItemCode(), body.validUntil(),
				this.clock.instant());
		UseAuthorization authorization = this.authorizations.authorize(caller, id, request);
		return ResponseEntity.created(URI.create("/api/certificates/authorizations/" + authorization.id()))
			.body(view(authorization));
	}

	@GetMapping("/api/certificates/authorizations/mine")
	Map<String, List<View>> mine(Caller caller) {
		return Map.of("items", this.authorizations.mine(caller).stream().map(this::view).toList());
	}

	@DeleteMapping("/api/certificates/authorizations/{id}")
	View withdraw(Caller caller, @PathVariable String id) {
		return view(this.authorizations.withdraw(caller, id));
	}

	private View view(UseAuthorization authorization) {
		return new View(authorization.id(), authorization.certificateId(), authorization.departmentCode(),
				authorization.serviceItemCode(), authorization.validUntil(), authorization.createdAt(),
				authorization.withdrawnAt(), authorization.statusAt(this.clock.instant()));
	}

	record Body(@Nullable String departmentCode, @Nullable String serviceItemCode, @Nullable String validUntil) {
	}

	record View(String id, String certificateId, String departmentCode, String serviceItemCode, Instant validUntil,
			Instant createdAt, @Nullable Instant withdrawnAt, UseAuthorization.Status status) {
	}

}
