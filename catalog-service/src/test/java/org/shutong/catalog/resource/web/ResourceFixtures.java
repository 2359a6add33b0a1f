package org.shutong.catalog.resource.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shutong.platform.testing.GatewayStandIn;

/**
 * Request bodies and tokens for the catalogue's write tests.
 */
final class ResourceFixtures {

	static final String AUDIENCE = "catalog-service";

	private ResourceFixtures() {
	}

	/** A department system's token: {@code sub} and {@code client_id} name the system. */
	static String system(String department, String scopes) {
		String client = "system-" + department.substring(10);
		return GatewayStandIn.shared()
			.sign(GatewayStandIn.shared()
				.claims(AUDIENCE)
				.subject(client)
				.claim("client_id", client)
				.claim("scope", scopes)
				.claim("dept", department));
	}

	static String writer(String department) {
		return system(department, "catalog.write catalog.read");
	}

	/** A complete, valid body, mutable so that tests can break one field. */
	static Map<String, Object> body(String category, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("description", "常住人口的户籍登记信息 Household registrations");
		body.put("category", category);
		body.put("securityLevel", 3);
		body.put("sharingType", "CONDITIONAL");
		body.put("sharingCondition", "仅限办理政务服务事项");
		body.put("openType", "NOT_OPEN");
		body.put("updateCycle", "DAILY");
		body.put("items", new ArrayList<>(List.of(item("name", "string", true), item("registeredOn", "date", false))));
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("url", "https://ga.example.gov/api/households");
		endpoint.put("method", "POST");
		Map<String, Object> parameter = new LinkedHashMap<>();
		parameter.put("name", "idNumber");
		parameter.put("type", "string");
		parameter.put("required", true);
		parameter.put("description", "公民身份号码");
		endpoint.put("parameters", new ArrayList<>(List.of(parameter)));
		body.put("endpoint", endpoint);
		return body;
	}

	static Map<String, Object> item(String name, String type, boolean sensitive) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", name);
		item.put("type", type);
		item.put("description", "说明 " + name);
		item.put("sensitive", sensitive);
		return item;
	}

}
