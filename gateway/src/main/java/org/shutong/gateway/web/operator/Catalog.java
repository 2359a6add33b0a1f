package org.shutong.gateway.web.operator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.Backends;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * catalog-service as the operator console calls it, with the operator's own token: the
 * service decides what their department may see and do.
 */
@Component
class Catalog {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private final RestClient client;

	Catalog(Backends backends) {
		this.client = backends.catalog();
	}

	Map<String, Object> get(String uri, Object... variables) {
		Map<String, Object> body = this.client.get().uri(uri, variables).retrieve().body(OBJECT);
		return (body != null) ? body : Map.of();
	}

	Map<String, Object> get(Function<UriBuilder, URI> uri) {
		Map<String, Object> body = this.client.get().uri(uri).retrieve().body(OBJECT);
		return (body != null) ? body : Map.of();
	}

	/** The {@code items} of a page the catalogue answers. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> items(Function<UriBuilder, URI> uri) {
		Object items = get(uri).get("items");
		return (items instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	Map<String, Object> post(@Nullable Object body, String uri, Object... variables) {
		RestClient.RequestBodySpec request = this.client.post().uri(uri, variables);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		Map<String, Object> answer = request.retrieve().body(OBJECT);
		return (answer != null) ? answer : Map.of();
	}

	Map<String, Object> put(Object body, String uri, Object... variables) {
		Map<String, Object> answer = this.client.put()
			.uri(uri, variables)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(OBJECT);
		return (answer != null) ? answer : Map.of();
	}

	/** My department's resources, published ones first, then retired ones. */
	List<Map<String, Object>> resourcesOf(@Nullable String department) {
		if (department == null) {
			return List.of();
		}
		List<Map<String, Object>> published = resources(department, "PUBLISHED");
		List<Map<String, Object>> retired = resources(department, "RETIRED");
		return Stream.concat(published.stream(), retired.stream()).toList();
	}

	private List<Map<String, Object>> resources(String department, String status) {
		return items((uri) -> uri.path("/api/catalog/resources")
			.queryParam("provider", department)
			.queryParam("status", status)
			.queryParam("size", 100)
			.build()).stream().map((resource) -> withStatus(resource, status)).toList();
	}

	private static Map<String, Object> withStatus(Map<String, Object> resource, String status) {
		Map<String, Object> withStatus = new LinkedHashMap<>(resource);
		withStatus.put("status", status);
		return withStatus;
	}

}
