package org.shutong.gateway.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.department.DepartmentRegistry;
import org.shutong.platform.identity.ValidCreditCode;
import org.shutong.platform.problem.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Departments at the admin console: the list and the registration, through the same
 * registry (and so the same checks and audit event) as
 * {@code POST /api/admin/departments}.
 */
@Controller
@RequestMapping("/console/admin/departments")
class DepartmentAdmin {

	private final DepartmentRegistry registry;

	DepartmentAdmin(DepartmentRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	String departments(Model model) {
		model.addAttribute("departments", this.registry.all());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DepartmentForm(null, null, null));
		}
		return "admin/departments";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(AdminProblems.of(binding), model, response);
		}
		try {
			this.registry.register(form.creditCode(), form.name().strip(), form.region().strip());
		}
		catch (ProblemException refusal) {
			return refused(AdminProblems.of(refusal), model, response);
		}
		redirect.addFlashAttribute("registered", form.name().strip());
		return "redirect:/console/admin/departments";
	}

	private String refused(org.shutong.gateway.web.ServiceProblem problem, Model model, HttpServletResponse response) {
		response.setStatus(problem.status());
		model.addAttribute("problem", problem);
		return departments(model);
	}

	/** The same constraints as the admin API's request. */
	record DepartmentForm(@NotNull @ValidCreditCode @Nullable String creditCode,
			@NotBlank @Size(max = 200) @Nullable String name, @NotBlank @Size(max = 100) @Nullable String region) {
	}

}
