package org.shutong.gateway.web.auditor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.shutong.gateway.web.Backends;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * audit-service as the auditor console reads it, with the auditor's own token.
 */
@Component
class AuditApi {

	static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<ApiPage<AuditEventView>> EVENTS = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<AuditEventView> EVENT = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<ApiPage<AlertView>> ALERTS = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<AlertView> ALERT = new ParameterizedTypeReference<>() {
	};

	private final RestClient audit;

	AuditApi(Backends backends) {
		this.audit = backends.audit();
	}

	RestClient client() {
		return this.audit;
	}

	/**
	 * A GET of a JSON object; the query's values are sent as URI variables, fully encoded
	 * ({@code +} as {@code %2B}, as the API asks).
	 */
	Map<String, Object> get(String path, Map<String, ?> query) {
		return get(path, query, OBJECT);
	}

	<T> T get(String path, Map<String, ?> query, ParameterizedTypeReference<T> type) {
		return this.audit.get().uri((uri) -> build(uri.path(path), query)).retrieve().body(type);
	}

	static java.net.URI build(UriBuilder uri, Map<String, ?> query) {
		Map<String, Object> values = new LinkedHashMap<>();
		query.forEach((name, value) -> {
			if (value != null) {
				uri.queryParam(name, "{q_" + name + "}");
				values.put("q_" + name, value);
			}
		});
		return uri.build(values);
	}

}
