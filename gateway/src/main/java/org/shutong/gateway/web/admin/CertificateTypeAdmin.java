package org.shutong.gateway.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.Backends;
import org.shutong.gateway.web.PageFormats;
import org.shutong.gateway.web.ServiceProblem;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Certificate types at the admin console, kept by certificate-service
 * ({@code GET/POST /api/certificates/types}), which validates and audits them; this page
 * sends what the form says and shows what the service answers.
 */
@Controller
@RequestMapping("/console/admin/types")
class CertificateTypeAdmin {

	static final List<String> FIELD_TYPES = List.of("TEXT", "DATE", "NUMBER", "IMAGE");

	static final List<String> HOLDER_KINDS = List.of("PERSON", "ENTITY");

	/** How many surface-field rows the form offers; blank rows are left out. */
	static final int FIELD_ROWS = 6;

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient certificates;

	private final PageFormats pages;

	CertificateTypeAdmin(Backends backends, PageFormats pages) {
		this.certificates = backends.certificates();
		this.pages = pages;
	}

	@GetMapping
	String types(Model model) {
		model.addAttribute("types", this.certificates.get().uri("/api/certificates/types").retrieve().body(LIST));
		model.addAttribute("departments", this.pages.departmentNames());
		model.addAttribute("fieldTypes", FIELD_TYPES);
		model.addAttribute("holderKinds", HOLDER_KINDS);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", TypeForm.empty());
		}
		return "admin/types";
	}

	@PostMapping
	String create(@ModelAttribute("form") TypeForm form, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			this.certificates.post()
				.uri("/api/certificates/types")
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.body())
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException refusal) {
			model.addAttribute("problem", ServiceProblem.forForm(refusal, response));
			return types(model);
		}
		redirect.addFlashAttribute("created", form.code());
		return "redirect:/console/admin/types";
	}

	/**
	 * The form: the type and its surface fields as parallel lists, one entry per row.
	 */
	record TypeForm(@Nullable String code, @Nullable String name, @Nullable String issuerDepartmentCode,
			@Nullable String holderKind, @Nullable Integer validityYears, @Nullable List<String> fieldName,
			@Nullable List<String> fieldLabel, @Nullable List<String> fieldType, @Nullable List<String> fieldSensitive,
			@Nullable List<String> fieldRequired) {

		static TypeForm empty() {
			return new TypeForm(null, null, null, "PERSON", null, null, null, null, null, null);
		}

		/** The request body of {@code POST /api/certificates/types}. */
		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("code", strip(this.code));
			body.put("name", strip(this.name));
			body.put("issuerDepartmentCode", strip(this.issuerDepartmentCode));
			body.put("holderKind", strip(this.holderKind));
			body.put("fields", fields());
			if (this.validityYears != null) {
				body.put("validityYears", this.validityYears);
			}
			return body;
		}

		List<Map<String, Object>> fields() {
			List<Map<String, Object>> fields = new ArrayList<>();
			for (int i = 0; i < FIELD_ROWS; i++) {
				String fieldName = at(this.fieldName, i);
				String label = at(this.fieldLabel, i);
				if (fieldName == null && label == null) {
					continue;
				}
				Map<String, Object> field = new LinkedHashMap<>();
				field.put("name", fieldName);
				field.put("label", label);
				field.put("type", at(this.fieldType, i));
				field.put("sensitive", "true".equals(at(this.fieldSensitive, i)));
				field.put("required", "true".equals(at(this.fieldRequired, i)));
				fields.add(field);
			}
			return fields;
		}

		/** Each row of the form, filled in as sent, for showing the form again. */
		public List<FieldRow> rows() {
			List<FieldRow> rows = new ArrayList<>();
			for (int i = 0; i < FIELD_ROWS; i++) {
				rows.add(new FieldRow(i, at(this.fieldName, i), at(this.fieldLabel, i), at(this.fieldType, i),
						"true".equals(at(this.fieldSensitive, i)), "true".equals(at(this.fieldRequired, i))));
			}
			return rows;
		}

		private static @Nullable String at(@Nullable List<String> values, int index) {
			if (values == null || index >= values.size()) {
				return null;
			}
			return strip(values.get(index));
		}

		private static @Nullable String strip(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	record FieldRow(int index, @Nullable String name, @Nullable String label, @Nullable String type, boolean sensitive,
			boolean required) {
	}

}
