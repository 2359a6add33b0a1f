package org.shutong.catalog.quality.web;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.quality.QualityIndicators;
import org.shutong.catalog.quality.QualityService;
import org.shutong.catalog.quality.UpdateReport;
import org.shutong.platform.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resource's quality indicators, and the provider's reports of its updates.
 */
@RestController
@PreAuthorize("denyAll")
class QualityController {

	private final QualityService quality;

	QualityController(QualityService quality) {
		this.quality = quality;
	}

	@GetMapping("/api/catalog/resources/{code}/quality")
	@PreAuthorize("hasAuthority('SCOPE_catalog.read') or hasAnyRole('DEPT_OPERATOR','AUDITOR','ADMIN')")
	QualityIndicators quality(@PathVariable String code) {
		return this.quality.assess(code);
	}

	@PostMapping("/api/catalog/resources/{code}/update-reports")
	@PreAuthorize("hasAuthority('SCOPE_catalog.write') or hasRole('DEPT_OPERATOR')")
	ResponseEntity<ReportView> report(Caller caller, @PathVariable String code,
			@RequestBody UpdateReportRequest request) {
		UpdateReport report = this.quality.report(caller, code, request.updatedAt());
		return ResponseEntity.created(URI.create("/api/catalog/resources/" + code + "/quality"))
			.body(new ReportView(report.resourceCode(), report.updatedAt(), report.reportedAt()));
	}

	record UpdateReportRequest(@Nullable Instant updatedAt) {
	}

	record ReportView(String code, Instant updatedAt, Instant reportedAt) {
	}

}
