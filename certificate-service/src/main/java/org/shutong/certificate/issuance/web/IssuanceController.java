package org.shutong.certificate.issuance.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.shutong.certificate.issuance.BatchIssuance;
import org.shutong.certificate.issuance.CertificateDocuments;
import org.shutong.certificate.issuance.IssuanceRequests;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issuance by the issuing department's system: one certificate or a batch.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_certificate.issue')")
class IssuanceController {

	private final IssuanceRequests issuance;

	private final BatchIssuance batch;

	IssuanceController(IssuanceRequests issuance, BatchIssuance batch) {
		this.issuance = issuance;
		this.batch = batch;
	}

	@PostMapping(path = "/api/certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	JsonNode issue(Caller caller, @RequestBody JsonNode request) {
		StoredCertificate certificate = this.issuance.issueOne(caller, request);
		return CertificateDocuments.view(certificate, certificate.status());
	}

	@PostMapping(path = "/api/certificates/batch",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson" })
	Map<String, Object> issueBatch(Caller caller, HttpServletRequest request) throws IOException {
		boolean ndjson = request.getContentType().startsWith("application/x-ndjson");
		List<BatchIssuance.ItemResult> results = this.batch.issue(caller, request.getInputStream(), ndjson)
			.stream()
			.sorted(Comparator.comparingInt(BatchIssuance.ItemResult::index))
			.toList();
		long issued = results.stream().filter((result) -> result.id() != null).count();
		return Map.of("issued", issued, "refused", results.size() - issued, "items", results);
	}

}
