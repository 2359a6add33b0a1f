package org.shutong.gateway.web.admin;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.user.UserRegistry;
import org.shutong.gateway.web.PageFormats;
import org.shutong.gateway.web.ServiceProblem;
import org.shutong.platform.identity.ValidCreditCode;
import org.shutong.platform.identity.ValidResidentIdNumber;
import org.shutong.platform.problem.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * People's accounts at the admin console, through the same registry (and so the same
 * checks and audit event) as {@code POST /api/admin/users}. The generated first password
 * is shown once, on the page that answers the creation. A citizen's ID number is only
 * turned into a holder reference; it is never shown back.
 */
@Controller
@RequestMapping("/console/admin/users")
class UserAdmin {

	private final UserRegistry registry;

	private final PageFormats pages;

	UserAdmin(UserRegistry registry, PageFormats pages) {
		this.registry = registry;
		this.pages = pages;
	}

	@GetMapping
	String users(Model model) {
		model.addAttribute("users", this.registry.all());
		model.addAttribute("roles", new TreeSet<>(UserRegistry.ROLES));
		model.addAttribute("departments", this.pages.departmentNames());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new UserForm(null, Set.of(), null, null));
		}
		return "admin/users";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(AdminProblems.of(binding), model, response);
		}
		UserRegistry.Created created;
		try {
			created = this.registry.create(form.username(), form.roles(), form.departmentCode(), form.holderIdNumber());
		}
		catch (ProblemException refusal) {
			return refused(AdminProblems.of(refusal), model, response);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("account", created.account());
		model.addAttribute("password", created.password());
		return "admin/user-created";
	}

	private String refused(ServiceProblem problem, Model model, HttpServletResponse response) {
		response.setStatus(problem.status());
		model.addAttribute("problem", problem);
		// Never put a refused ID number back into the page.
		UserForm form = (UserForm) model.getAttribute("form");
		if (form != null) {
			model.addAttribute("form", new UserForm(form.username(), form.roles(), form.departmentCode(), null));
		}
		return users(model);
	}

	/**
	 * The same constraints as the admin API's request; a blank department or ID number is
	 * not given.
	 */
	record UserForm(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}",
			message = "must be 3 to 100 lower-case letters, digits, dots, dashes or underscores") @Nullable String username,
			@NotEmpty @Nullable Set<String> roles, @ValidCreditCode @Nullable String departmentCode,
			@ValidResidentIdNumber @Nullable String holderIdNumber) {

		UserForm {
			departmentCode = blankAsNull(departmentCode);
			holderIdNumber = blankAsNull(holderIdNumber);
		}

		public boolean has(String role) {
			return this.roles != null && this.roles.contains(role);
		}

		private static @Nullable String blankAsNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
