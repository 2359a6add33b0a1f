package org.shutong.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;

/**
 * A tiny application whose endpoints fail in every way a service can.
 * <p>
 * No database, and so no event publication registry (on the platform's test classpath for
 * the audit outbox's tests) either.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration" })
class ProblemFixtureApplication {

	/**
	 * This fixture is about problem bodies, not about access: like a service may, it
	 * declares its own filter chain, which here lets every request through.
	 */
	@Bean
	SecurityFilterChain openToEveryone(HttpSecurity http) {
		return http.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	enum Kind {

		PERSON, ENTITY

	}

	record Item(@NotBlank String name) {
	}

	record PermitRequest(@NotBlank String holder, @NotNull Kind kind, @NotNull @Min(1) Integer years,
			List<@Valid Item> items) {
	}

	@RestController
	static class FixtureController {

		@PostMapping("/fixture/permits")
		@ResponseStatus(HttpStatus.CREATED)
		PermitRequest create(@Valid @RequestBody PermitRequest request) {
			return request;
		}

		@GetMapping("/fixture/permits/{id}")
		String show(@PathVariable long id) {
			return "permit " + id;
		}

		@GetMapping("/fixture/trace")
		String trace() {
			return MDC.get("traceId") + " " + MDC.get("requestId");
		}

		/** What a proxy behind the filters would pass on as the request id. */
		@GetMapping("/fixture/request-id-header")
		String requestIdHeader(@RequestHeader HttpHeaders headers) {
			return String.join(",", headers.getOrEmpty("X-Request-Id"));
		}

		/**
		 * Streams the body on like the gateway's proxy does, whose HTTP client wraps the
		 * size limit's exception in its own.
		 */
		@PostMapping("/fixture/relay")
		String relay(InputStream body) {
			try {
				return body.readAllBytes().length + " bytes relayed";
			}
			catch (IOException ex) {
				throw new ResourceAccessException("I/O error on POST request for \"http://upstream/\"", ex);
			}
		}

		@GetMapping("/fixture/conflict")
		String conflict() {
			throw new ProblemException(PlatformProblem.CONFLICT, "The permit was already revoked.");
		}

		@GetMapping("/fixture/duplicate")
		void duplicate() {
			throw new DataIntegrityViolationException("Duplicate entry '42' for key 'PRIMARY' in table secret_table");
		}

		@GetMapping("/fixture/failure")
		String failure() {
			throw new IllegalStateException("select * from secret_table where password = 'x'");
		}

	}

}
