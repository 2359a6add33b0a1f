package org.shutong.gateway.web.auditor;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

/**
 * The CSV export of a search, passed through to the browser as audit-service writes it:
 * the rows are copied as they arrive, never held whole in the gateway.
 */
@Controller
class AuditExport {

	private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
			HttpHeaders.CONTENT_DISPOSITION);

	private final RestClient audit;

	AuditExport(AuditApi audit) {
		// A long export must not be cut by the pages' read timeout.
		this.audit = audit.client()
			.mutate()
			.requestFactory(new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()))
			.build();
	}

	@GetMapping("/console/audit/events.csv")
	void export(@ModelAttribute EventFilters filters, HttpServletResponse response) {
		this.audit.get()
			.uri((uri) -> AuditApi.build(uri.path("/api/audit/events.csv"), filters.apiParameters()))
			.exchange((request, upstream) -> {
				if (upstream.getStatusCode().isError()) {
					byte[] body = upstream.getBody().readAllBytes();
					throw upstream.getStatusCode().is4xxClientError()
							? HttpClientErrorException.create(upstream.getStatusCode(), upstream.getStatusText(),
									upstream.getHeaders(), body, null)
							: HttpServerErrorException.create(upstream.getStatusCode(), upstream.getStatusText(),
									upstream.getHeaders(), body, null);
				}
				response.setStatus(upstream.getStatusCode().value());
				PASSED_HEADERS.forEach((name) -> {
					String value = upstream.getHeaders().getFirst(name);
					if (value != null) {
						response.setHeader(name, value);
					}
				});
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				try (InputStream rows = upstream.getBody()) {
					OutputStream out = response.getOutputStream();
					rows.transferTo(out);
					out.flush();
				}
				return null;
			});
	}

}
