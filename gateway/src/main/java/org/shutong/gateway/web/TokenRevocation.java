package org.shutong.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * At sign-out, removes the person's authorization from the authorization server, so that
 * its refresh token is dead and introspection calls its access token inactive.
 */
class TokenRevocation implements LogoutHandler {

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final OAuth2AuthorizationService authorizations;

	TokenRevocation(OAuth2AuthorizedClientRepository authorizedClients, OAuth2AuthorizationService authorizations) {
		this.authorizedClients = authorizedClients;
		this.authorizations = authorizations;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication == null) {
			return;
		}
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient(PortalSignIn.REGISTRATION_ID,
				authentication, request);
		if (client == null) {
			return;
		}
		OAuth2Authorization authorization = this.authorizations.findByToken(client.getAccessToken().getTokenValue(),
				OAuth2TokenType.ACCESS_TOKEN);
		if (authorization != null) {
			this.authorizations.remove(authorization);
		}
		this.authorizedClients.removeAuthorizedClient(PortalSignIn.REGISTRATION_ID, authentication, request, response);
	}

}
