package org.shutong.gateway.web.auditor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.PageFormats;
import org.shutong.gateway.web.ServiceProblem;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.validation.BindingResult;

/**
 * The auditor's console (审计): search the audit log with every filter it has, open one
 * event with its proof of inclusion checked here against the latest signed checkpoint,
 * and export a search as CSV. Reading the log is itself logged by audit-service.
 */
@Controller
@RequestMapping("/console/audit")
class AuditorConsole {

	static final List<String> OUTCOMES = List.of("SUCCESS", "DENIED", "FAILED");

	private static final int PAGE_SIZE = 50;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final AuditApi audit;

	private final EventVerifier verifier;

	private final PageFormats pages;

	AuditorConsole(AuditApi audit, EventVerifier verifier, PageFormats pages) {
		this.audit = audit;
		this.pages = pages;
		this.verifier = verifier;
	}

	@GetMapping
	String search(@ModelAttribute("filters") EventFilters filters, BindingResult binding,
			@RequestParam(required = false) @Nullable Long before, Model model, HttpServletResponse response) {
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("departments", this.pages.departmentNames());
		if (binding.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("problem",
					new ServiceProblem(400, null, null, null,
							binding.getFieldErrors()
								.stream()
								.map((error) -> new ServiceProblem.FieldError(error.getField(),
										String.valueOf(error.getRejectedValue())))
								.toList()));
			model.addAttribute("filters", new EventFilters(null, null, null, null, null, null, null, null));
			model.addAttribute("events", List.of());
			return "auditor/search";
		}
		model.addAttribute("csvUrl", link("/console/audit/events.csv", filters, null));
		Map<String, Object> query = new LinkedHashMap<>(filters.apiParameters());
		query.put("limit", PAGE_SIZE);
		query.put("before", before);
		ApiPage<AuditEventView> page;
		try {
			page = this.audit.get("/api/audit/events", query, AuditApi.EVENTS);
		}
		catch (RestClientResponseException refusal) {
			if (refusal.getStatusCode().value() != 400) {
				throw refusal;
			}
			response.setStatus(400);
			model.addAttribute("problem", ServiceProblem.of(refusal));
			model.addAttribute("events", List.of());
			return "auditor/search";
		}
		model.addAttribute("events", page.rows());
		Long next = page.next();
		model.addAttribute("nextUrl", (next != null) ? link("/console/audit", filters, next) : null);
		return "auditor/search";
	}

	@GetMapping("/events/{leafIndex}")
	String event(@PathVariable long leafIndex, Model model) {
		AuditEventView event = this.audit.get("/api/audit/events/" + leafIndex, Map.of(), AuditApi.EVENT);
		model.addAttribute("event", event);
		model.addAttribute("details", (event.details() != null) ? JSON.writeValueAsString(event.details()) : "");
		model.addAttribute("verification", this.verifier.verify(leafIndex, String.valueOf(event.leafHash())));
		return "auditor/event";
	}

	/** A link of this console with the filters; every value fully encoded. */
	static String link(String path, EventFilters filters, @Nullable Object before) {
		StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
		filters.pageParameters()
			.forEach((name, values) -> values.forEach((value) -> query.add(name + "=" + encode(value))));
		if (before != null) {
			query.add("before=" + encode(before.toString()));
		}
		return query.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
