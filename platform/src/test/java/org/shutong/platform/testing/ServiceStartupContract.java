package org.shutong.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do once started: apply all its migrations, report itself
 * healthy and ready, and refuse everything else to a caller without a token. A service's
 * startup test extends this with its own
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and profiles.
 */
public abstract class ServiceStartupContract {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private Flyway flyway;

	@Autowired
	private ObservationRegistry observations;

	@Test
	void reportsHealthyAndReady() throws Exception {
		assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/health/readiness")).contains("\"status\":\"UP\"");
	}

	@Test
	void appliesEveryMigration() {
		MigrationInfo[] applied = this.flyway.info().applied();
		assertThat(applied).isNotEmpty();
		assertThat(applied).allSatisfy((migration) -> assertThat(migration.getState().isFailed()).isFalse());
		assertThat(this.flyway.info().pending()).isEmpty();
	}

	@Test
	void refusesAnythingElseWithoutAToken() throws Exception {
		for (String path : new String[] { "/actuator/prometheus", "/api/not-a-thing" }) {
			HttpResponse<String> response = send(path);
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
		}
	}

	@Test
	void observesEachRequestButNotEachOfItsSecurityFilters() {
		assertThat(Observation.start("http.server.requests", this.observations).isNoop()).isFalse();
		for (String name : new String[] { "spring.security.filterchains", "spring.security.authentications",
				"spring.security.authorizations" }) {
			assertThat(Observation.start(name, this.observations).isNoop()).as(name).isTrue();
		}
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				BodyHandlers.ofString());
	}

}
