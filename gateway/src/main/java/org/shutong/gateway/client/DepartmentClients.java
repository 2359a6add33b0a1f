package org.shutong.gateway.client;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The kinds of OAuth2 clients Shutong registers, and the Shutong settings they carry.
 */
public final class DepartmentClients {

	/** The credit code of the department a system belongs to. */
	static final String DEPARTMENT_SETTING = "settings.client.shutong.department-code";

	/** The JWK Set a {@code private_key_jwt} client registered inline. */
	static final String JWKS_SETTING = "settings.client.shutong.jwks";

	/** The public client of command-line tools, with a loopback redirect (RFC 8252). */
	public static final String COMMAND_LINE_CLIENT_ID = "shutong-cli";

	private DepartmentClients() {
	}

	public static @Nullable String departmentOf(RegisteredClient client) {
		return client.getClientSettings().getSetting(DEPARTMENT_SETTING);
	}

	static @Nullable String jwksOf(RegisteredClient client) {
		return client.getClientSettings().getSetting(JWKS_SETTING);
	}

	/**
	 * A department's system: {@code client_credentials} only, its department in every
	 * token.
	 */
	static RegisteredClient system(String clientId, String departmentCode, Set<String> scopes,
			ClientAuthMethod authMethod, @Nullable String secretHash, @Nullable String jwks, TokenPolicy tokens,
			Instant now) {
		ClientSettings.Builder settings = ClientSettings.builder().setting(DEPARTMENT_SETTING, departmentCode);
		if (authMethod == ClientAuthMethod.PRIVATE_KEY_JWT) {
			settings.setting(JWKS_SETTING, jwks).tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256);
		}
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(now)
			.clientSecret(secretHash)
			.clientName(clientId)
			.clientAuthenticationMethod(authMethod.method())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((granted) -> granted.addAll(scopes))
			.clientSettings(settings.build())
			.tokenSettings(tokens.settings())
			.build();
	}

	/**
	 * One of the platform's own services, e.g. catalog-service writing audit events.
	 */
	static RegisteredClient service(String id, String clientId, String secretHash, Set<String> scopes,
			TokenPolicy tokens, Instant now) {
		return RegisteredClient.withId(id)
			.clientId(clientId)
			.clientIdIssuedAt(now)
			.clientSecret(secretHash)
			.clientName(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((granted) -> granted.addAll(scopes))
			.tokenSettings(tokens.settings())
			.build();
	}

	static RegisteredClient withId(RegisteredClient client, String id) {
		return RegisteredClient.from(client).id(id).build();
	}

	/**
	 * The public client of command-line tools: authorization code with PKCE, a redirect
	 * to any loopback port, rotating refresh tokens.
	 */
	static RegisteredClient commandLine(Set<String> scopes, TokenPolicy tokens, Instant now) {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(COMMAND_LINE_CLIENT_ID)
			.clientIdIssuedAt(now)
			.clientName("Shutong command line")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri("http://127.0.0.1/callback")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scopes((granted) -> granted.addAll(scopes))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens.settings())
			.build();
	}

}
