package org.shutong.platform.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny service that relies on the platform's security defaults: its controller denies
 * everything unless a method opens itself to a scope or role, as services should.
 * <p>
 * No database, and so no event publication registry (on the platform's test classpath for
 * the audit outbox's tests) either.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration" })
class SecurityFixtureApplication {

	@RestController
	@PreAuthorize("denyAll")
	static class FixtureController {

		@GetMapping("/fixture/catalog")
		@PreAuthorize("hasAuthority('SCOPE_" + Scopes.CATALOG_READ + "')")
		String catalog() {
			return "catalog";
		}

		@GetMapping("/fixture/audit")
		@PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
		String audit() {
			return "audit";
		}

		@GetMapping("/fixture/caller")
		@PreAuthorize("isAuthenticated()")
		Caller caller(Caller caller) {
			return caller;
		}

		@GetMapping("/fixture/unopened")
		String unopened() {
			return "nobody should see this";
		}

	}

}
