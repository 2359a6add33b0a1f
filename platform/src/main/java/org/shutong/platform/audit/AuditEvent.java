package org.shutong.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.security.Caller;

/**
 * One audited operation: who did what, to which resource, about whom, for which service
 * item and purpose. A person or enterprise is named by its holder reference (a keyed hash
 * of the identity number), never by the number itself; {@code details} carries
 * identifiers and counts, never personal data.
 *
 * @param eventId chosen by the producer once; a redelivery carries the same id, and the
 * audit log keeps the first
 * @param service the producing service, e.g. {@code catalog-service}
 * @param action what was done, dotted lower case, e.g. {@code exchange.query}
 */
public record AuditEvent(@NotNull UUID eventId, @NotNull Instant occurredAt,
		@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*") String service,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*") String action,
		@NotNull AuditOutcome outcome, @NotNull @Valid Actor actor, @Valid @Nullable Subject subject,
		@Size(max = 200) @Nullable String resource, @Size(max = 64) @Nullable String serviceItemCode,
		@Size(max = 500) @Nullable String purpose, @Size(max = 64) @Nullable String traceId,
		@Nullable Map<String, Object> details) {

	/**
	 * Who acted: a department's system or person, or a citizen (no department), or a
	 * platform service acting on its own.
	 */
	public record Actor(@Size(min = 18, max = 18) @Nullable String departmentCode,
			@Size(max = 100) @Nullable String clientId, @Size(max = 100) @Nullable String userId) {

		/**
		 * The caller as actor: its department, its client, and the person if a person
		 * called.
		 */
		public static Actor of(Caller caller) {
			// A system's token names itself as subject; a person's names the person.
			String person = caller.subject().equals(caller.clientId()) ? null : caller.subject();
			return new Actor(caller.departmentCode(), caller.clientId(), person);
		}
	}

	/** Whose data was touched. */
	public record Subject(@NotNull SubjectKind kind, @NotNull @Pattern(regexp = "[0-9a-f]{64}",
			message = "must be a holder reference (64 lower-case hex digits)") String reference) {
	}

	public enum SubjectKind {

		PERSON, ENTERPRISE

	}

}
