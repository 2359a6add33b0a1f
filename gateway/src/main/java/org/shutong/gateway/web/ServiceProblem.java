package org.shutong.gateway.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClientResponseException;

/**
 * What a service said when it refused: its RFC 9457 problem as a page shows it.
 *
 * @param status the HTTP status
 * @param code the problem's {@code code}, e.g. {@code NOT_PROVIDER}
 * @param title the problem's title
 * @param detail the problem's detail, if any
 * @param errors each bad field and what is wrong with it
 */
public record ServiceProblem(int status, @Nullable String code, @Nullable String title, @Nullable String detail,
		List<FieldError> errors) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static ServiceProblem of(RestClientResponseException refusal) {
		JsonNode body;
		try {
			body = JSON.readTree(refusal.getResponseBodyAsString());
		}
		catch (RuntimeException ex) {
			body = null;
		}
		if (body == null || !body.isObject()) {
			return new ServiceProblem(refusal.getStatusCode().value(), null, null, null, List.of());
		}
		List<FieldError> errors = new ArrayList<>();
		JsonNode fields = body.path("errors");
		if (fields.isArray()) {
			for (JsonNode field : fields) {
				errors.add(new FieldError(text(field, "field"), text(field, "message")));
			}
		}
		return new ServiceProblem(refusal.getStatusCode().value(), text(body, "code"), text(body, "title"),
				text(body, "detail"), errors);
	}

	/**
	 * A refusal a form shows beside its fields (400, 409), with the response's status set
	 * to it; any other is thrown on, for {@code PageAdvice}'s problem page.
	 */
	public static ServiceProblem forForm(RestClientResponseException refusal, HttpServletResponse response) {
		int status = refusal.getStatusCode().value();
		if (status != 400 && status != 409) {
			throw refusal;
		}
		response.setStatus(status);
		return of(refusal);
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	/** The message key of a plain-words explanation of the status. */
	public String messageKey() {
		return switch (this.status) {
			case 400, 401, 403, 404, 409, 413, 429, 502, 503, 504 -> "error.status." + this.status;
			default -> (this.status >= 500) ? "error.status.5xx" : "error.status.4xx";
		};
	}

	public record FieldError(@Nullable String field, @Nullable String message) {
	}

}
