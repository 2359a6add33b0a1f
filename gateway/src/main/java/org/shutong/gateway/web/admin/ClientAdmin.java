package org.shutong.gateway.web.admin;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.client.ClientAuthMethod;
import org.shutong.gateway.client.ClientRegistry;
import org.shutong.gateway.client.DepartmentClients;
import org.shutong.gateway.web.PageFormats;
import org.shutong.gateway.web.ServiceProblem;
import org.shutong.platform.identity.ValidCreditCode;
import org.shutong.platform.problem.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Department systems' OAuth2 clients at the admin console, through the same registry (and
 * so the same checks and audit event) as {@code POST /api/admin/clients}. A generated
 * secret is shown once, on the page that answers the registration, and is kept nowhere
 * but as its hash.
 */
@Controller
@RequestMapping("/console/admin/clients")
class ClientAdmin {

	private final ClientRegistry registry;

	private final PageFormats pages;

	ClientAdmin(ClientRegistry registry, PageFormats pages) {
		this.registry = registry;
		this.pages = pages;
	}

	@GetMapping
	String clients(Model model) {
		model.addAttribute("clients", this.registry.all().stream().map(ClientRow::of).toList());
		model.addAttribute("scopes", new TreeSet<>(ClientRegistry.SYSTEM_SCOPES));
		model.addAttribute("authMethods", ClientAuthMethod.values());
		model.addAttribute("departments", this.pages.departmentNames());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new ClientForm(null, null, Set.of(), ClientAuthMethod.CLIENT_SECRET_BASIC, null));
		}
		return "admin/clients";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("form") ClientForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(AdminProblems.of(binding), model, response);
		}
		ClientRegistry.Registered registered;
		try {
			String jwks = (form.jwks() != null && !form.jwks().isBlank()) ? form.jwks() : null;
			registered = this.registry.register(form.clientId(), form.departmentCode(), form.scopes(),
					form.authMethod(), jwks);
		}
		catch (ProblemException refusal) {
			return refused(AdminProblems.of(refusal), model, response);
		}
		// The secret is on this page only: no cache may keep it.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("client", ClientRow.of(registered.client()));
		model.addAttribute("secret", registered.secret());
		return "admin/client-registered";
	}

	private String refused(ServiceProblem problem, Model model, HttpServletResponse response) {
		response.setStatus(problem.status());
		model.addAttribute("problem", problem);
		return clients(model);
	}

	/** The same constraints as the admin API's request. */
	record ClientForm(
			@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.-]{2,99}",
					message = "must be 3 to 100 lower-case letters, digits, dots or dashes") @Nullable String clientId,
			@NotNull @ValidCreditCode @Nullable String departmentCode, @NotEmpty @Nullable Set<String> scopes,
			@NotNull @Nullable ClientAuthMethod authMethod, @Nullable String jwks) {

		public boolean has(String scope) {
			return this.scopes != null && this.scopes.contains(scope);
		}

	}

	/** A client as the list shows it, never with a secret. */
	record ClientRow(String clientId, @Nullable String departmentCode, List<String> scopes, String authMethod) {

		static ClientRow of(RegisteredClient client) {
			return new ClientRow(client.getClientId(), DepartmentClients.departmentOf(client),
					List.copyOf(new TreeSet<>(client.getScopes())),
					client.getClientAuthenticationMethods().iterator().next().getValue());
		}

	}

}
