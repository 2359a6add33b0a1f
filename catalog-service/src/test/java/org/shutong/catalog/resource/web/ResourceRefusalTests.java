package org.shutong.catalog.resource.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.Departments;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shutong.catalog.resource.web.ResourceFixtures.AUDIENCE;
import static org.shutong.catalog.resource.web.ResourceFixtures.body;
import static org.shutong.catalog.resource.web.ResourceFixtures.system;
import static org.shutong.catalog.resource.web.ResourceFixtures.writer;
import static org.shutong.catalog.resource.web.ResourcePublishingTests.assertProblem;

/**
 * Who may not publish, change or read resources, and what they are told.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ResourceRefusalTests {

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private DataResourceRepository resources;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void refusesWritesWithoutAToken() {
		String code = publish(Departments.fresh());
		for (MvcTestResult result : new MvcTestResult[] { send("POST", "/api/catalog/resources", null),
				send("PUT", "/api/catalog/resources/" + code, null),
				send("POST", "/api/catalog/resources/" + code + "/retire", null) }) {
			assertProblem(result, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
		}
		assertThat(this.resources.findVersions(code)).hasSize(1);
	}

	@Test
	void refusesWritesWithoutTheWriteScope() {
		String department = Departments.fresh();
		String code = publish(department);
		String reader = system(department, "catalog.read sharing.apply");
		assertProblem(send("POST", "/api/catalog/resources", reader), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(send("PUT", "/api/catalog/resources/" + code, reader), HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(send("POST", "/api/catalog/resources/" + code + "/retire", reader), HttpStatus.FORBIDDEN,
				"FORBIDDEN");
		assertProblem(send("POST", "/api/catalog/resources", this.gateway.withRole(AUDIENCE, "DEPT_OPERATOR")),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertThat(this.resources.findVersions(code)).hasSize(1);
	}

	@Test
	void refusesAPublishWithoutADepartment() {
		assertProblem(send("POST", "/api/catalog/resources", this.gateway.withScopes(AUDIENCE, "catalog.write")),
				HttpStatus.FORBIDDEN, "NO_DEPARTMENT");
	}

	@Test
	void refusesAnotherDepartmentsUpdateAndRetirement() {
		String code = publish(Departments.fresh());
		String other = writer(Departments.fresh());
		assertProblem(send("PUT", "/api/catalog/resources/" + code, other), HttpStatus.FORBIDDEN, "NOT_PROVIDER");
		assertProblem(send("POST", "/api/catalog/resources/" + code + "/retire", other), HttpStatus.FORBIDDEN,
				"NOT_PROVIDER");
		String noDepartment = this.gateway.withScopes(AUDIENCE, "catalog.write");
		assertProblem(send("PUT", "/api/catalog/resources/" + code, noDepartment), HttpStatus.FORBIDDEN,
				"NO_DEPARTMENT");
		assertThat(this.resources.findVersions(code)).hasSize(1);
	}

	@Test
	void answersNotFoundForAnUnknownResource() {
		String token = writer(Departments.fresh());
		assertProblem(send("PUT", "/api/catalog/resources/GA-UNKNOWN-000001", token), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
		assertProblem(send("POST", "/api/catalog/resources/GA-UNKNOWN-000001/retire", token), HttpStatus.NOT_FOUND,
				"RESOURCE_NOT_FOUND");
	}

	@Test
	void refusesReadsWithoutTheReadScopeOrARole() {
		String code = publish(Departments.fresh());
		for (String uri : new String[] { "/api/catalog/resources/" + code,
				"/api/catalog/resources/" + code + "/versions" }) {
			assertProblem(send("GET", uri, null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
			assertProblem(send("GET", uri, this.gateway.withRole(AUDIENCE, "CITIZEN")), HttpStatus.FORBIDDEN,
					"FORBIDDEN");
			assertProblem(send("GET", uri, this.gateway.withScopes(AUDIENCE, "exchange.query")), HttpStatus.FORBIDDEN,
					"FORBIDDEN");
			assertThat(send("GET", uri, this.gateway.withRole(AUDIENCE, "AUDITOR"))).hasStatusOk();
		}
	}

	private String publish(String department) {
		MvcTestResult result = send("POST", "/api/catalog/resources", writer(department));
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return "GA-" + department + "-000001";
	}

	private MvcTestResult send(String method, String uri, String token) {
		var request = switch (method) {
			case "GET" -> this.mvc.get().uri(uri);
			case "PUT" -> this.mvc.put().uri(uri);
			default -> this.mvc.post().uri(uri);
		};
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		if (!method.equals("GET")) {
			request = request.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body("GA", "户籍信息")));
		}
		return request.exchange();
	}

}
