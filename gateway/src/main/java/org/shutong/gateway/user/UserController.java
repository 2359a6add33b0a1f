package org.shutong.gateway.user;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.api.AdminOnly;
import org.shutong.platform.identity.ValidCreditCode;
import org.shutong.platform.identity.ValidResidentIdNumber;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of people's accounts.
 */
@RestController
@RequestMapping("/api/admin/users")
@AdminOnly
class UserController {

	private final UserRegistry registry;

	UserController(UserRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
		UserRegistry.Created created = this.registry.create(request.username(), request.roles(),
				request.departmentCode(), request.holderIdNumber());
		return ResponseEntity.created(URI.create("/api/admin/users/" + request.username()))
			.body(UserView.of(created.account(), created.password()));
	}

	@GetMapping
	List<UserView> list() {
		return this.registry.all().stream().map((account) -> UserView.of(account, null)).toList();
	}

	record NewUser(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}",
			message = "must be 3 to 100 lower-case letters, digits, dots, dashes or underscores") String username,
			@NotEmpty Set<String> roles, @Nullable @ValidCreditCode String departmentCode,
			@Nullable @ValidResidentIdNumber String holderIdNumber) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UserView(String username, Set<String> roles, @Nullable String departmentCode, boolean holderLinked,
			@Nullable String password) {

		static UserView of(UserAccount account, @Nullable String password) {
			return new UserView(account.username(), account.roles(), account.departmentCode(),
					account.holderReference() != null, password);
		}

	}

}
