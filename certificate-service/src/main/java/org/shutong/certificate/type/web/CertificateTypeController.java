package org.shutong.certificate.type.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.FieldType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;

import org.shutong.certificate.type.TypeRegistration;
import org.shutong.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kinds of certificate the platform knows, for issuers, holders and verifiers alike.
 */
@RestController
class CertificateTypeController {

	private final CertificateTypeRepository types;

	private final TypeRegistration registration;

	CertificateTypeController(CertificateTypeRepository types, TypeRegistration registration) {
		this.types = types;
		this.registration = registration;
	}

	@PostMapping("/api/certificates/types")
	@PreAuthorize("hasAuthority('SCOPE_admin') or hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	TypeView register(Caller caller, @RequestBody TypeRegistration.TypeRequest request) {
		return TypeView.of(this.registration.register(caller, request));
	}

	@GetMapping("/api/certificates/types")
	@PreAuthorize("hasAnyAuthority('SCOPE_certificate.read','SCOPE_certificate.issue')"
			+ " or hasAnyRole('CITIZEN','DEPT_OPERATOR','AUDITOR','ADMIN')")
	List<TypeView> list() {
		return this.types.findAllByOrderByCode().stream().map(TypeView::of).toList();
	}

	record TypeView(String code, String name, String issuerDepartmentCode, HolderKind holderKind,
			@Nullable Integer validityYears, List<FieldView> fields) {

		static TypeView of(CertificateType type) {
			return new TypeView(type.code(), type.name(), type.issuerDepartmentCode(), type.holderKind(),
					type.validityYears(), type.fields().stream().map(FieldView::of).toList());
		}

	}

	record FieldView(String name, String label, FieldType type, boolean sensitive, boolean required) {

		static FieldView of(SurfaceField field) {
			return new FieldView(field.name(), field.label(), field.type(), field.sensitive(), field.required());
		}

	}

}
