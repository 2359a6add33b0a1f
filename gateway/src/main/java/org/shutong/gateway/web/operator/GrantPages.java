package org.shutong.gateway.web.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My department's grants: those it gave (which it may revoke while active) and those it
 * holds.
 */
@Controller
@RequestMapping("/console/operator/grants")
class GrantPages {

	private final Catalog catalog;

	private final ResourceNames names;

	GrantPages(Catalog catalog, ResourceNames names) {
		this.catalog = catalog;
		this.names = names;
	}

	@GetMapping
	String grants(Model model) {
		List<Map<String, Object>> given = grants("provider");
		List<Map<String, Object>> held = grants("consumer");
		List<Map<String, Object>> all = new ArrayList<>(given);
		all.addAll(held);
		model.addAttribute("given", given);
		model.addAttribute("held", held);
		model.addAttribute("names", this.names.of(all));
		return "operator/grants";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
		this.catalog.post(Map.of("reason", reason.strip()), "/api/catalog/grants/{id}/revoke", id);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/console/operator/grants";
	}

	private List<Map<String, Object>> grants(String side) {
		return this.catalog
			.items((uri) -> uri.path("/api/catalog/grants").queryParam("side", side).queryParam("size", 100).build());
	}

}
