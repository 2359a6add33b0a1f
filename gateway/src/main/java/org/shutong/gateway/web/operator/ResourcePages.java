package org.shutong.gateway.web.operator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * My department's resources: the list, one resource with its items and versions, and
 * publishing, changing (a new version) and retiring one. The catalogue checks that the
 * operator's department is the provider.
 */
@Controller
@RequestMapping("/console/operator/resources")
class ResourcePages {

	private final Catalog catalog;

	ResourcePages(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String list(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model) {
		model.addAttribute("resources", this.catalog.resourcesOf(viewer.departmentCode()));
		return "operator/resources";
	}

	@GetMapping("/{code}")
	String resource(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version, Model model) {
		Map<String, Object> resource = this.catalog.get((uri) -> uri.path("/api/catalog/resources/{code}")
			.queryParamIfPresent("version", Optional.ofNullable(version))
			.build(code));
		model.addAttribute("resource", resource);
		model.addAttribute("versions",
				this.catalog.get("/api/catalog/resources/{code}/versions", code).getOrDefault("versions", List.of()));
		return "operator/resource";
	}

	@GetMapping("/new")
	String publishForm(Model model) {
		return form(ResourceForm.empty(), null, FormErrors.NONE, model);
	}

	@PostMapping
	String publish(@RequestParam Map<String, String> fields, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ResourceForm form = ResourceForm.of(fields);
		Map<String, Object> published;
		try {
			published = this.catalog.post(form.body(), "/api/catalog/resources");
		}
		catch (RestClientResponseException refusal) {
			return refused(refusal, form, null, model, response);
		}
		redirect.addFlashAttribute("published", true);
		redirect.addAttribute("code", published.get("code"));
		return "redirect:/console/operator/resources/{code}";
	}

	@GetMapping("/{code}/edit")
	String editForm(@PathVariable String code, Model model) {
		Map<String, Object> resource = this.catalog.get("/api/catalog/resources/{code}", code);
		return form(ResourceForm.filledWith(resource), resource, FormErrors.NONE, model);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ResourceForm form = ResourceForm.of(fields);
		try {
			this.catalog.put(form.body(), "/api/catalog/resources/{code}", code);
		}
		catch (RestClientResponseException refusal) {
			return refused(refusal, form, this.catalog.get("/api/catalog/resources/{code}", code), model, response);
		}
		redirect.addFlashAttribute("updated", true);
		return "redirect:/console/operator/resources/{code}";
	}

	@PostMapping("/{code}/retire")
	String retire(@PathVariable String code, @RequestParam String reason, RedirectAttributes redirect) {
		this.catalog.post(Map.of("reason", reason.strip()), "/api/catalog/resources/{code}/retire", code);
		redirect.addFlashAttribute("retired", true);
		return "redirect:/console/operator/resources/{code}";
	}

	private String refused(RestClientResponseException refusal, ResourceForm form,
			@Nullable Map<String, Object> resource, Model model, HttpServletResponse response) {
		ServiceProblem problem = ServiceProblem.forForm(refusal, response);
		model.addAttribute("problem", problem);
		return form(form, resource, FormErrors.of(problem), model);
	}

	private String form(ResourceForm form, @Nullable Map<String, Object> resource, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("resource", resource);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", ResourceForm.CATEGORIES);
		model.addAttribute("sharingTypes", ResourceForm.SHARING_TYPES);
		model.addAttribute("openTypes", ResourceForm.OPEN_TYPES);
		model.addAttribute("updateCycles", ResourceForm.UPDATE_CYCLES);
		model.addAttribute("types", ResourceForm.TYPES);
		return "operator/resource-form";
	}

}
