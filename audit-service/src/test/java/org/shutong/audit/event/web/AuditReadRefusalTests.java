package org.shutong.audit.event.web;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.audit.AuditApiTestBase;
import org.shutong.audit.AuditEvents;

import org.springframework.http.HttpStatus;

/**
 * Every read endpoint of the log refuses a caller without a token (401) and every caller
 * without its role (403), before looking at the request.
 */
class AuditReadRefusalTests extends AuditApiTestBase {

	private static final String[] AUDITOR_PATHS = { "/api/audit/events", "/api/audit/events/0", "/api/audit/events.csv",
			"/api/audit/events?outcome=MAYBE" };

	@ParameterizedTest
	@ValueSource(strings = { "/api/audit/events", "/api/audit/events/0", "/api/audit/events.csv", "/api/audit/mine" })
	void refusesACallerWithoutAToken(String path) {
		assertProblem(this.mvc.get().uri(path).exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("auditorPathsAndOtherCallers")
	void refusesEveryoneButAuditors(String path, String caller) {
		assertProblem(get(path, token(caller)), HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AUDITOR", "ADMIN", "DEPT_OPERATOR", "system" })
	void refusesEveryoneButCitizensTheirOwnAccesses(String caller) {
		assertProblem(get("/api/audit/mine", token(caller)), HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	static Stream<Arguments> auditorPathsAndOtherCallers() {
		return Stream.of(AUDITOR_PATHS)
			.flatMap((path) -> Stream.of("ADMIN", "CITIZEN", "DEPT_OPERATOR", "citizen with holder", "system")
				.map((caller) -> Arguments.of(path, caller)));
	}

	private String token(String caller) {
		return switch (caller) {
			case "system" -> this.gateway.withScopes(AUDIENCE, "audit.write catalog.read");
			case "citizen with holder" -> this.gateway.citizen(AUDIENCE, AuditEvents.CITIZEN);
			default -> this.gateway.withRole(AUDIENCE, caller);
		};
	}

}
