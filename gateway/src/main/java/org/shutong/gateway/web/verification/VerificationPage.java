package org.shutong.gateway.web.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.Backends;
import org.shutong.gateway.web.ServiceProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public verification for anyone, signed in or not: paste or upload a certificate, an
 * annotated copy or a QR code's text, or upload a picture of the QR code; the verdict is
 * certificate-service's ({@code POST /api/verify}), in plain words.
 */
@Controller
@RequestMapping("/verification")
class VerificationPage {

	static final String QR_PREFIX = "SHUTONG-QR1.";

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient verification;

	VerificationPage(Backends backends) {
		this.verification = backends.verification();
	}

	@GetMapping
	String form() {
		return "verification/verify";
	}

	@PostMapping
	String verify(@RequestParam(required = false) @Nullable String payload,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		Optional<Object> body = (file != null && !file.isEmpty()) ? fromFile(file) : fromText(payload);
		if (body.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("unreadable", true);
			model.addAttribute("payload", payload);
			return "verification/verify";
		}
		try {
			model.addAttribute("result",
					this.verification.post()
						.uri("/api/verify")
						.contentType(MediaType.APPLICATION_JSON)
						.body(body.get())
						.retrieve()
						.body(OBJECT));
		}
		catch (RestClientResponseException refusal) {
			if (refusal.getStatusCode().value() >= 500) {
				throw refusal;
			}
			response.setStatus(refusal.getStatusCode().value());
			model.addAttribute("problem", ServiceProblem.of(refusal));
		}
		model.addAttribute("payload", payload);
		return "verification/verify";
	}

	private static Optional<Object> fromFile(MultipartFile file) throws IOException {
		try (InputStream picture = file.getInputStream()) {
			Optional<String> qr = QrImage.read(picture);
			if (qr.isPresent()) {
				return fromText(qr.get());
			}
		}
		return fromText(new String(file.getBytes(), StandardCharsets.UTF_8));
	}

	/** A QR code's text as {@code {"qr"}}, a certificate or copy as the JSON it is. */
	private static Optional<Object> fromText(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		if (trimmed.startsWith(QR_PREFIX)) {
			return Optional.of(Map.of("qr", trimmed));
		}
		try {
			JsonNode json = JSON.readTree(trimmed);
			return json.isObject() ? Optional.of(json) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
