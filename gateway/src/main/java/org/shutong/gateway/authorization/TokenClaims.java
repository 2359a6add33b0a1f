package org.shutong.gateway.authorization;

import java.util.ArrayList;

import org.shutong.gateway.client.DepartmentClients;
import org.shutong.gateway.signingkey.SigningKeyRing;
import org.shutong.gateway.user.UserAccount;
import org.shutong.gateway.user.UserAccountRepository;
import org.shutong.platform.security.Caller;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the gateway's tokens say: every JWT is signed ES256 with the active key; access
 * tokens name the audience services, the client, and either the client's department
 * ({@code dept}) or the person's roles, department and holder reference.
 * <p>
 * List claims are {@link ArrayList}s: the claims are stored with the authorization as
 * typed JSON, and Spring Security reads back only collection types on its allow-list
 * ({@code List.copyOf} makes one that is not, and the authorization could no longer be
 * found for introspection, revocation or refresh).
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String HOLDER_CLAIM = "holder";

	private final SigningKeyRing keys;

	private final UserAccountRepository users;

	TokenClaims(SigningKeyRing keys, UserAccountRepository users) {
		this.keys = keys;
		this.users = users;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(this.keys.activeKeyId());
		JwtClaimsSet.Builder claims = context.getClaims();
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			String department = DepartmentClients.departmentOf(context.getRegisteredClient());
			if (department != null) {
				claims.claim(Caller.DEPARTMENT_CLAIM, department);
			}
			if (accessToken) {
				claims.audience(new ArrayList<>(Audiences.forScopes(context.getAuthorizedScopes())));
				claims.claim(Caller.CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
			}
			return;
		}
		UserAccount user = this.users.findById(context.getPrincipal().getName()).orElse(null);
		if (user != null) {
			claims.claim(Caller.ROLES_CLAIM, new ArrayList<>(user.roles()));
			if (user.departmentCode() != null) {
				claims.claim(Caller.DEPARTMENT_CLAIM, user.departmentCode());
			}
			if (user.holderReference() != null) {
				claims.claim(HOLDER_CLAIM, user.holderReference());
			}
		}
		if (accessToken) {
			claims.audience(new ArrayList<>(Audiences.forPeople()));
			claims.claim(Caller.CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
		}
	}

}
