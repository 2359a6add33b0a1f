package org.shutong.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Grants {@code SCOPE_x} for each name in the token's {@code scope} claim and
 * {@code ROLE_x} for each name in its {@code roles} claim.
 */
final class ClaimAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

	@Override
	public Collection<GrantedAuthority> convert(Jwt token) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String scope : Caller.names(token.getClaim(Caller.SCOPE_CLAIM))) {
			authorities.add(new SimpleGrantedAuthority(Scopes.AUTHORITY_PREFIX + scope));
		}
		for (String role : Caller.names(token.getClaim(Caller.ROLES_CLAIM))) {
			authorities.add(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role));
		}
		return authorities;
	}

}
