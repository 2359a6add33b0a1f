package org.shutong.catalog.exchange.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.shutong.catalog.exchange.provider.ProviderAllowlist;
import org.shutong.catalog.exchange.provider.ProviderSettings;
import org.shutong.catalog.exchange.provider.ProviderSystem;
import org.shutong.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

/**
 * The administrator's allowlist of provider systems the broker may call.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_admin') or hasRole('ADMIN')")
class ProviderController {

	/** A DNS name or an IPv4 or IPv6 literal; no scheme, port or path. */
	static final String HOST = "[0-9A-Za-z.-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}\\]?";

	private final ProviderAllowlist allowlist;

	ProviderController(ProviderAllowlist allowlist) {
		this.allowlist = allowlist;
	}

	@GetMapping("/api/exchange/providers")
	List<ProviderView> list() {
		return this.allowlist.list().stream().map(ProviderView::of).toList();
	}

	@PutMapping("/api/exchange/providers/{host}")
	ProviderView allow(Caller caller,
			@PathVariable @Pattern(regexp = HOST, message = "must be a host name or an IP address") String host,
			@RequestBody @Valid ProviderSettings settings) {
		return ProviderView.of(this.allowlist.allow(caller, host, settings));
	}

	@DeleteMapping("/api/exchange/providers/{host}")
	ResponseEntity<Void> remove(Caller caller, @PathVariable String host) {
		this.allowlist.remove(caller, host);
		return ResponseEntity.noContent().build();
	}

	record ProviderView(String host, String description, long timeoutMillis, int maxConcurrentCalls, Instant changedAt,
			String changedBy) {

		static ProviderView of(ProviderSystem provider) {
			return new ProviderView(provider.host(), provider.description(), provider.timeout().toMillis(),
					provider.maxConcurrentCalls(), provider.changedAt(), provider.changedBy());
		}

	}

}
