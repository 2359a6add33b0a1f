package org.shutong.gateway.web.auditor;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.PageFormats;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The auditor's search as the form sends it: every filter of audit-service's
 * {@code /api/audit/events}, the times as picked in the platform's zone.
 */
record EventFilters(@Nullable String department, @Nullable String action, @Nullable String resource,
		@Nullable String subject, @Nullable String outcome, @Nullable String serviceItem, @Nullable LocalDateTime from,
		@Nullable LocalDateTime to) {

	/**
	 * The filters as the audit API takes them: blanks left out, times as ISO instants in
	 * Asia/Shanghai.
	 */
	Map<String, String> apiParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "department", this.department);
		put(parameters, "action", this.action);
		put(parameters, "resource", this.resource);
		put(parameters, "subject", this.subject);
		put(parameters, "outcome", this.outcome);
		put(parameters, "serviceItem", this.serviceItem);
		if (this.from != null) {
			parameters.put("from", this.from.atZone(PageFormats.ZONE).toInstant().toString());
		}
		if (this.to != null) {
			parameters.put("to", this.to.atZone(PageFormats.ZONE).toInstant().toString());
		}
		return parameters;
	}

	/**
	 * The filters as this console's own links carry them, times as the form wrote them.
	 */
	MultiValueMap<String, String> pageParameters() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		apiParameters().forEach(parameters::add);
		if (this.from != null) {
			parameters.set("from", this.from.toString());
		}
		if (this.to != null) {
			parameters.set("to", this.to.toString());
		}
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			parameters.put(name, value.strip());
		}
	}

}
