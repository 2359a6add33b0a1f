package org.shutong.gateway.web.citizen;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.Backends;
import org.shutong.gateway.web.PageFormats;
import org.shutong.gateway.web.ServiceProblem;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's portal (掌上办): their certificates with status, each one's detail, signed
 * PDF and QR code, the use authorisations they gave, and who accessed their data. The
 * services decide whose certificate is whose (by the token's holder reference); this only
 * shows what they answer.
 */
@Controller
@RequestMapping("/portal")
class CitizenPortal {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient certificates;

	private final RestClient audit;

	private final PageFormats pages;

	CitizenPortal(Backends backends, PageFormats pages) {
		this.certificates = backends.certificates();
		this.audit = backends.audit();
		this.pages = pages;
	}

	@GetMapping
	String certificates(Model model) {
		model.addAttribute("certificates", items(this.certificates.get().uri("/api/certificates/mine")));
		model.addAttribute("types", types());
		return "citizen/certificates";
	}

	@GetMapping("/certificates/{id}")
	String certificate(@PathVariable String id, Model model) {
		showCertificate(id, model);
		model.addAttribute("authorizations",
				items(this.certificates.get().uri("/api/certificates/authorizations/mine")).stream()
					.filter((authorization) -> id.equals(authorization.get("certificateId")))
					.toList());
		model.addAttribute("departments", this.pages.departmentNames());
		model.addAttribute("minDay", LocalDate.now(PageFormats.ZONE).plusDays(1));
		return "citizen/certificate";
	}

	@PostMapping("/certificates/{id}/authorizations")
	String authorize(@PathVariable String id, @RequestParam String departmentCode, @RequestParam String serviceItemCode,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("departmentCode", departmentCode);
		body.put("serviceItemCode", serviceItemCode.strip());
		body.put("validUntil", (validUntil != null) ? PageFormats.endOf(validUntil).toString() : null);
		try {
			this.certificates.post()
				.uri("/api/certificates/{id}/authorizations", id)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException refusal) {
			model.addAttribute("problem", ServiceProblem.forForm(refusal, response));
			model.addAttribute("form", body);
			return certificate(id, model);
		}
		redirect.addFlashAttribute("authorized", this.pages.department(departmentCode));
		return "redirect:/portal/certificates/{id}";
	}

	@GetMapping("/certificates/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		byte[] pdf = this.certificates.get().uri("/api/certificates/{id}/pdf", id).retrieve().body(byte[].class);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("certificate.pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/certificates/{id}/qr")
	String qr(@PathVariable String id, Model model) {
		showCertificate(id, model);
		return "citizen/qr";
	}

	@GetMapping("/certificates/{id}/qr.png")
	ResponseEntity<byte[]> qrImage(@PathVariable String id) {
		byte[] png = this.certificates.get().uri("/api/certificates/{id}/qr", id).retrieve().body(byte[].class);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
	}

	@GetMapping("/authorizations")
	String authorizations(Model model) {
		model.addAttribute("authorizations",
				items(this.certificates.get().uri("/api/certificates/authorizations/mine")));
		model.addAttribute("certificates", items(this.certificates.get().uri("/api/certificates/mine")).stream()
			.collect(Collectors.toMap((c) -> String.valueOf(c.get("id")), (c) -> c)));
		model.addAttribute("types", types());
		return "citizen/authorizations";
	}

	@PostMapping("/authorizations/{id}/withdrawal")
	String withdraw(@PathVariable String id, @RequestParam(required = false) @Nullable String certificateId,
			RedirectAttributes redirect) {
		this.certificates.delete().uri("/api/certificates/authorizations/{id}", id).retrieve().toBodilessEntity();
		redirect.addFlashAttribute("withdrawn", true);
		if (certificateId != null && !certificateId.isBlank()) {
			redirect.addAttribute("certificate", certificateId);
			return "redirect:/portal/certificates/{certificate}";
		}
		return "redirect:/portal/authorizations";
	}

	@GetMapping("/accesses")
	String accesses(@RequestParam(required = false) @Nullable Long before, Model model) {
		Map<String, Object> page = this.audit.get()
			.uri((uri) -> uri.path("/api/audit/mine")
				.queryParam("limit", 50)
				.queryParamIfPresent("before", Optional.ofNullable(before))
				.build())
			.retrieve()
			.body(OBJECT);
		model.addAttribute("accesses", page.get("items"));
		model.addAttribute("next", page.get("next"));
		return "citizen/accesses";
	}

	/** The certificate (as its holder may see it) and its type, for the page. */
	private void showCertificate(String id, Model model) {
		Map<String, Object> certificate = this.certificates.get()
			.uri("/api/certificates/{id}", id)
			.retrieve()
			.body(OBJECT);
		model.addAttribute("certificate", certificate);
		model.addAttribute("type", types().get(String.valueOf(certificate.get("typeCode"))));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(RestClient.RequestHeadersSpec<?> request) {
		Map<String, Object> page = request.retrieve().body(OBJECT);
		return (page != null) ? (List<Map<String, Object>>) page.getOrDefault("items", List.of()) : List.of();
	}

	private Map<String, Map<String, Object>> types() {
		List<Map<String, Object>> types = this.certificates.get().uri("/api/certificates/types").retrieve().body(LIST);
		return (types != null)
				? types.stream().collect(Collectors.toMap((type) -> String.valueOf(type.get("code")), (type) -> type))
				: Map.of();
	}

}
