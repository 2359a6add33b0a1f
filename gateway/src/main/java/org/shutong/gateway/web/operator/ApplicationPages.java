package org.shutong.gateway.web.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.ServiceProblem;
import org.shutong.gateway.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sharing applications: those other departments filed for my department's resources
 * (incoming, to approve, possibly for fewer items, or reject) and those my department
 * filed (outgoing).
 */
@Controller
@RequestMapping("/console/operator/applications")
class ApplicationPages {

	static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED");

	private static final Set<String> SIDES = Set.of("provider", "consumer");

	private final Catalog catalog;

	private final ResourceNames names;

	ApplicationPages(Catalog catalog, ResourceNames names) {
		this.catalog = catalog;
		this.names = names;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "provider") String side,
			@RequestParam(required = false) @Nullable String status, Model model) {
		String chosenSide = SIDES.contains(side) ? side : "provider";
		String chosenStatus = STATUSES.contains(status) ? status : null;
		List<Map<String, Object>> applications = this.catalog.items((uri) -> uri.path("/api/catalog/applications")
			.queryParam("side", chosenSide)
			.queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
			.queryParam("size", 100)
			.build());
		model.addAttribute("side", chosenSide);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("applications", applications);
		model.addAttribute("names", this.names.of(applications));
		return "operator/applications";
	}

	@GetMapping("/{id}")
	String application(@PathVariable String id, @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
			Model model) {
		Map<String, Object> application = this.catalog.get("/api/catalog/applications/{id}", id);
		Map<String, Object> resource = this.catalog.get((uri) -> uri.path("/api/catalog/resources/{code}")
			.queryParam("version", application.get("resourceVersion"))
			.build(application.get("resourceCode")));
		// Not "application": templates read that name as the servlet context.
		model.addAttribute("sharing", application);
		model.addAttribute("resource", resource);
		model.addAttribute("itemsByName", itemsByName(resource));
		model.addAttribute("decidable", "PENDING".equals(application.get("status"))
				&& application.get("provider") != null && application.get("provider").equals(viewer.departmentCode()));
		if (application.get("grantId") != null) {
			model.addAttribute("grant", this.catalog.get("/api/catalog/grants/{id}", application.get("grantId")));
		}
		return "operator/application";
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(required = false) @Nullable List<String> items,
			@RequestParam(defaultValue = "false") boolean rawValues,
			@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, Object> approval = new LinkedHashMap<>();
		// An empty list, not none: none would approve every item applied for.
		approval.put("items", (items != null) ? items : List.of());
		approval.put("rawValues", rawValues);
		try {
			this.catalog.post(approval, "/api/catalog/applications/{id}/approve", id);
		}
		catch (RestClientResponseException refusal) {
			return refused(refusal, id, viewer, model, response);
		}
		redirect.addFlashAttribute("approved", true);
		return "redirect:/console/operator/applications/{id}";
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable String id, @RequestParam String reason,
			@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.catalog.post(Map.of("reason", reason.strip()), "/api/catalog/applications/{id}/reject", id);
		}
		catch (RestClientResponseException refusal) {
			model.addAttribute("reason", reason);
			return refused(refusal, id, viewer, model, response);
		}
		redirect.addFlashAttribute("rejected", true);
		return "redirect:/console/operator/applications/{id}";
	}

	private String refused(RestClientResponseException refusal, String id, Viewer viewer, Model model,
			HttpServletResponse response) {
		model.addAttribute("problem", ServiceProblem.forForm(refusal, response));
		return application(id, viewer, model);
	}

	private static Map<String, Object> itemsByName(Map<String, Object> resource) {
		Map<String, Object> items = new LinkedHashMap<>();
		if (resource.get("items") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					items.put(String.valueOf(map.get("name")), map);
				}
			}
		}
		return items;
	}

}
