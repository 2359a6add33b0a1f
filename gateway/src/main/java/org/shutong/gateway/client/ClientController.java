package org.shutong.gateway.client;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.api.AdminOnly;
import org.shutong.platform.identity.ValidCreditCode;

import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of department systems' OAuth2 clients.
 */
@RestController
@RequestMapping("/api/admin/clients")
@AdminOnly
class ClientController {

	private final ClientRegistry registry;

	ClientController(ClientRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	ResponseEntity<ClientView> register(@Valid @RequestBody NewClient request) {
		ClientRegistry.Registered registered = this.registry.register(request.clientId(), request.departmentCode(),
				request.scopes(), request.authMethod(), (request.jwks() != null) ? request.jwks().toString() : null);
		ClientView view = ClientView.of(registered.client(), registered.secret());
		return ResponseEntity.created(URI.create("/api/admin/clients/" + view.clientId())).body(view);
	}

	@GetMapping
	List<ClientView> list() {
		return this.registry.all().stream().map((client) -> ClientView.of(client, null)).toList();
	}

	record NewClient(
			@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.-]{2,99}",
					message = "must be 3 to 100 lower-case letters, digits, dots or dashes") String clientId,
			@NotNull @ValidCreditCode String departmentCode, @NotEmpty Set<String> scopes,
			@NotNull ClientAuthMethod authMethod, @Nullable JsonNode jwks) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ClientView(String clientId, @Nullable String departmentCode, Set<String> scopes, String authMethod,
			@Nullable String clientSecret) {

		static ClientView of(RegisteredClient client, @Nullable String secret) {
			return new ClientView(client.getClientId(), DepartmentClients.departmentOf(client),
					new TreeSet<>(client.getScopes()),
					client.getClientAuthenticationMethods().iterator().next().getValue(), secret);
		}

	}

}
