package org.shutong.gateway.web.operator;

import java.util.List;
import java.util.Map;

import org.shutong.gateway.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The department operator console's first page: the department and how much awaits it.
 */
@Controller
class OperatorOverview {

	private final Catalog catalog;

	OperatorOverview(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/console/operator")
	String overview(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model) {
		List<Map<String, Object>> resources = this.catalog.resourcesOf(viewer.departmentCode());
		model.addAttribute("published",
				resources.stream().filter((resource) -> "PUBLISHED".equals(resource.get("status"))).count());
		model.addAttribute("retired",
				resources.stream().filter((resource) -> "RETIRED".equals(resource.get("status"))).count());
		model.addAttribute("pendingIncoming", count("/api/catalog/applications", "provider", "PENDING"));
		model.addAttribute("pendingOutgoing", count("/api/catalog/applications", "consumer", "PENDING"));
		model.addAttribute("activeGiven", count("/api/catalog/grants", "provider", "ACTIVE"));
		model.addAttribute("activeHeld", count("/api/catalog/grants", "consumer", "ACTIVE"));
		return "operator/overview";
	}

	/** At most 100: the console says "100+" past that. */
	private int count(String path, String side, String status) {
		return this.catalog
			.items((uri) -> uri.path(path)
				.queryParam("side", side)
				.queryParam("status", status)
				.queryParam("size", 100)
				.build())
			.size();
	}

}
