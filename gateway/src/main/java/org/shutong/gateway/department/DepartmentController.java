package org.shutong.gateway.department;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.shutong.gateway.api.AdminOnly;
import org.shutong.platform.identity.ValidCreditCode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of departments: administrators add them, every authenticated caller can
 * list them.
 */
@RestController
class DepartmentController {

	private final DepartmentRegistry registry;

	DepartmentController(DepartmentRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/api/admin/departments")
	@AdminOnly
	ResponseEntity<DepartmentView> register(@Valid @RequestBody NewDepartment request) {
		DepartmentView created = DepartmentView
			.of(this.registry.register(request.creditCode(), request.name().strip(), request.region().strip()));
		return ResponseEntity.created(URI.create("/api/departments/" + created.creditCode())).body(created);
	}

	@GetMapping("/api/departments")
	@PreAuthorize("isAuthenticated()")
	List<DepartmentView> list() {
		return this.registry.all().stream().map(DepartmentView::of).toList();
	}

	record NewDepartment(@NotNull @ValidCreditCode String creditCode, @NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 100) String region) {
	}

	record DepartmentView(String creditCode, String name, String region) {

		static DepartmentView of(Department department) {
			return new DepartmentView(department.creditCode().value(), department.name(), department.region());
		}

	}

}
