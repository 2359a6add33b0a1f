package org.shutong.certificate.access.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.shutong.certificate.access.HolderAccess;
import org.shutong.certificate.issuance.CertificateDocuments;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A holder's certificates, and one certificate for its holder or issuer.
 */
@RestController
class HolderController {

	private final HolderAccess access;

	private final Clock clock;

	HolderController(HolderAccess access, Clock clock) {
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/api/certificates/mine")
	@PreAuthorize("hasRole('CITIZEN')")
	Map<String, List<JsonNode>> mine(Caller caller) {
		return Map.of("items", this.access.mine(caller).stream().map(this::view).toList());
	}

	@GetMapping("/api/certificates/{id}")
	JsonNode get(Caller caller, @PathVariable String id) {
		return view(this.access.open(caller, id, HolderAccess.Format.JSON));
	}

	private JsonNode view(StoredCertificate certificate) {
		return CertificateDocuments.view(certificate, certificate.statusAt(this.clock));
	}

}
