package org.shutong.gateway.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.security.Caller;
import org.shutong.platform.security.Roles;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is looking at a page: nobody, or a signed-in person with their roles and
 * department.
 *
 * @param name the username, null when not signed in
 * @param roles the person's roles
 * @param departmentCode the department an operator works for
 */
public record Viewer(@Nullable String name, List<String> roles, @Nullable String departmentCode) {

	static final Viewer ANONYMOUS = new Viewer(null, List.of(), null);

	static Viewer of(@Nullable Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser person)) {
			return ANONYMOUS;
		}
		List<String> roles = person.getClaimAsStringList(Caller.ROLES_CLAIM);
		return new Viewer(person.getSubject(), (roles != null) ? roles : List.of(),
				person.getClaimAsString(Caller.DEPARTMENT_CLAIM));
	}

	public boolean signedIn() {
		return this.name != null;
	}

	public boolean citizen() {
		return this.roles.contains(Roles.CITIZEN);
	}

	public boolean operator() {
		return this.roles.contains(Roles.DEPT_OPERATOR);
	}

	public boolean auditor() {
		return this.roles.contains(Roles.AUDITOR);
	}

	public boolean admin() {
		return this.roles.contains(Roles.ADMIN);
	}

}
