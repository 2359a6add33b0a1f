package org.shutong.gateway.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.shutong.platform.security.Caller;
import org.shutong.platform.security.Roles;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * A signed-in person's roles, read from the {@code roles} claim of their ID token, as
 * {@code ROLE_} authorities for the pages' access rules.
 */
class PersonAuthorities implements GrantedAuthoritiesMapper {

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new LinkedHashSet<>();
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority person) {
				List<String> roles = person.getIdToken().getClaimAsStringList(Caller.ROLES_CLAIM);
				if (roles != null) {
					roles.forEach((role) -> mapped.add(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role)));
				}
			}
		}
		return mapped;
	}

}
