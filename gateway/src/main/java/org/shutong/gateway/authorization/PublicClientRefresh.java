package org.shutong.gateway.authorization;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Lets a public client (the command-line client, which has no secret) exchange its
 * refresh token. Spring Security authenticates a public client only with PKCE, on the
 * code exchange, and has no way in for it on the refresh_token grant. Here it is named by
 * its {@code client_id} and proves nothing more: the refresh token is the credential,
 * bound to the client by Spring's refresh-token provider, rotated on every use, and
 * revoked with its family when reused.
 */
final class PublicClientRefresh {

	private PublicClientRefresh() {
	}

	/**
	 * Reads a refresh_token grant that carries a {@code client_id} and no client
	 * credentials at all.
	 */
	static AuthenticationConverter converter() {
		return (request) -> isRefreshWithoutCredentials(request)
				? new OAuth2ClientAuthenticationToken(request.getParameter(OAuth2ParameterNames.CLIENT_ID),
						ClientAuthenticationMethod.NONE, null,
						Map.of(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue()))
				: null;
	}

	private static boolean isRefreshWithoutCredentials(HttpServletRequest request) {
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		return "POST".equals(request.getMethod())
				&& AuthorizationGrantType.REFRESH_TOKEN.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				&& clientIds != null && clientIds.length == 1 && StringUtils.hasText(clientIds[0])
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) == null
				&& request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) == null;
	}

	/**
	 * Accepts what {@link #converter()} read for a registered public client allowed to
	 * refresh; leaves every other client authentication, PKCE's included, to Spring.
	 */
	static AuthenticationProvider provider(RegisteredClientRepository clients) {
		return new AuthenticationProvider() {

			@Override
			public @Nullable Authentication authenticate(Authentication authentication) {
				OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
				if (!ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
						|| !AuthorizationGrantType.REFRESH_TOKEN.getValue()
							.equals(client.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
					return null;
				}
				RegisteredClient registered = clients.findByClientId((String) client.getPrincipal());
				if (registered == null
						|| !registered.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
						|| !registered.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
					throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
				}
				return new OAuth2ClientAuthenticationToken(registered, ClientAuthenticationMethod.NONE, null);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

}
