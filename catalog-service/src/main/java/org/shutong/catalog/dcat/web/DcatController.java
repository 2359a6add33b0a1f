package org.shutong.catalog.dcat.web;

import org.shutong.catalog.dcat.DcatExport;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The catalogue as DCAT (JSON-LD) for other portals.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_catalog.read') or hasAnyRole('DEPT_OPERATOR','AUDITOR','ADMIN')")
class DcatController {

	static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

	private final DcatExport export;

	DcatController(DcatExport export) {
		this.export = export;
	}

	@GetMapping("/api/catalog/export/dcat")
	ResponseEntity<StreamingResponseBody> dcat() {
		String catalogUri = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString();
		return ResponseEntity.ok().contentType(JSON_LD).body((out) -> this.export.write(out, catalogUri));
	}

}
