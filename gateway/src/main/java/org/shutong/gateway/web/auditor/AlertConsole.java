package org.shutong.gateway.web.auditor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.ServiceProblem;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flow-risk alerts (流动风险监测) for the auditor: the open and acknowledged alerts, one alert
 * with the events behind it, and its acknowledgement with a note, which audit-service
 * records and logs.
 */
@Controller
@RequestMapping("/console/audit/alerts")
class AlertConsole {

	static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED");

	private final AuditApi audit;

	AlertConsole(AuditApi audit) {
		this.audit = audit;
	}

	@GetMapping
	String alerts(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		String chosen = STATUSES.contains(status) ? status : null;
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("status", chosen);
		query.put("limit", 20);
		query.put("before", before);
		ApiPage<AlertView> page = this.audit.get("/api/audit/alerts", query, AuditApi.ALERTS);
		model.addAttribute("alerts", page.rows());
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("next", page.next());
		return "auditor/alerts";
	}

	@GetMapping("/{id}")
	String alert(@PathVariable long id, @RequestParam(required = false) @Nullable Long eventsAfter, Model model) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("eventsAfter", eventsAfter);
		model.addAttribute("alert", this.audit.get("/api/audit/alerts/" + id, query, AuditApi.ALERT));
		return "auditor/alert";
	}

	@PostMapping("/{id}/acknowledgement")
	String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		try {
			this.audit.client()
				.post()
				.uri("/api/audit/alerts/{id}/acknowledgement", id)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("note", note.strip()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException refusal) {
			model.addAttribute("problem", ServiceProblem.forForm(refusal, response));
			model.addAttribute("note", note);
			return alert(id, null, model);
		}
		redirect.addFlashAttribute("acknowledged", true);
		return "redirect:/console/audit/alerts/{id}";
	}

}
