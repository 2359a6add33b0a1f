package org.shutong.gateway.client;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.shutong.platform.keys.ServiceClientSecret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The web portal and consoles, which the gateway serves itself as a backend-for-frontend:
 * a confidential client of its own authorization server (authorization code with PKCE),
 * holding people's tokens in their server-side session so the browser never sees one.
 *
 * @param clientSecret base64 of 32 random bytes; blank to generate one (embedded default)
 * @param redirectUris where the authorization server may send a browser back to; a
 * loopback address ({@code 127.0.0.1}) matches on any port
 */
@ConfigurationProperties("shutong.gateway.portal")
public record PortalClient(String clientSecret, List<String> redirectUris) {

	public static final String CLIENT_ID = "shutong-portal";

	/** What a person may ask for through the portal; their roles decide the rest. */
	public static final Set<String> SCOPES = ClientBootstrap.PERSON_SCOPES;

	/** The secret as the portal sends it, the same on every instance. */
	public String secret(Path dataDir, boolean mayGenerate) {
		return ServiceClientSecret.wire("shutong.gateway.portal.client-secret", CLIENT_ID, this.clientSecret, dataDir,
				mayGenerate);
	}

	RegisteredClient registration(String id, String secret, TokenPolicy tokens, Instant now) {
		return RegisteredClient.withId(id)
			.clientId(CLIENT_ID)
			.clientIdIssuedAt(now)
			.clientSecret(ClientSecrets.encoder().encode(secret))
			.clientName("Shutong portal and consoles")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(this.redirectUris))
			.scope(OidcScopes.OPENID)
			.scopes((granted) -> granted.addAll(SCOPES))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens.settings())
			.build();
	}

}
