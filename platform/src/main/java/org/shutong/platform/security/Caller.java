package org.shutong.platform.security;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the verified bearer token says. A controller method receives it by
 * declaring a {@code Caller} parameter; it is never bound from the request itself.
 *
 * @param subject the token's {@code sub}: the person, or the client for a system
 * @param clientId the token's {@code client_id}: the department system or service that
 * asked for the token, if the token names one
 * @param departmentCode the token's {@code dept}: the credit code of the caller's
 * department, if any
 * @param scopes the names in the token's {@code scope} claim, see {@link Scopes}
 * @param roles the names in the token's {@code roles} claim, see {@link Roles}
 * @param holder the token's {@code holder}: a citizen's holder reference (the keyed hash
 * of the ID number, never the number), if the token names one
 */
public record Caller(String subject, @Nullable String clientId, @Nullable String departmentCode, Set<String> scopes,
		Set<String> roles, @Nullable String holder) {

	public static final String CLIENT_ID_CLAIM = "client_id";

	public static final String DEPARTMENT_CLAIM = "dept";

	public static final String SCOPE_CLAIM = "scope";

	public static final String ROLES_CLAIM = "roles";

	public static final String HOLDER_CLAIM = "holder";

	public Caller {
		Objects.requireNonNull(subject, "subject");
		scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
		roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
	}

	public static Caller of(Jwt token) {
		return new Caller(token.getSubject(), token.getClaimAsString(CLIENT_ID_CLAIM),
				token.getClaimAsString(DEPARTMENT_CLAIM), names(token.getClaim(SCOPE_CLAIM)),
				names(token.getClaim(ROLES_CLAIM)), token.getClaimAsString(HOLDER_CLAIM));
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	/**
	 * Reads a claim that lists names either as one space-separated string (as RFC 8693
	 * defines {@code scope}) or as a JSON array; anything else lists nothing.
	 */
	static Set<String> names(@Nullable Object claim) {
		Set<String> names = new LinkedHashSet<>();
		if (claim instanceof String text) {
			for (String name : text.trim().split("\\s+")) {
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
		}
		else if (claim instanceof Collection<?> values) {
			for (Object value : values) {
				if (value instanceof String name && !name.isBlank()) {
					names.add(name.trim());
				}
			}
		}
		return names;
	}

}
