package org.shutong.certificate.access.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.access.DepartmentFetch;
import org.shutong.certificate.access.FetchRequest;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department takes the certificates a holder authorised it to use, as annotated copies.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_certificate.read') or hasRole('DEPT_OPERATOR')")
class FetchController {

	private final DepartmentFetch fetch;

	FetchController(DepartmentFetch fetch) {
		this.fetch = fetch;
	}

	@GetMapping("/api/certificates")
	Map<String, List<ObjectNode>> fetch(Caller caller, @RequestParam(required = false) @Nullable String holderIdNumber,
			@RequestParam(required = false) @Nullable String typeCode,
			@RequestParam(required = false) @Nullable String serviceItemCode,
			@RequestParam(required = false) @Nullable String purpose) {
		return Map.of("items",
				this.fetch.fetch(caller, FetchRequest.of(holderIdNumber, typeCode, serviceItemCode, purpose)));
	}

}
