package org.shutong.gateway.web;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.client.PortalClient;
import org.shutong.platform.security.PlatformSecurityProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * The portal as a client of the authorization server in the same process: the browser is
 * sent to {@code /oauth2/authorize} on the address it already uses, while the code is
 * exchanged, and the keys fetched, over loopback to this instance's own port.
 */
@Configuration(proxyBeanMethods = false)
class PortalSignIn {

	static final String REGISTRATION_ID = "shutong";

	/** Where a person who is not signed in is sent. */
	static final String START = "/oauth2/authorization/" + REGISTRATION_ID;

	@Bean
	ClientRegistrationRepository portalClientRegistration(PortalClient portal, PlatformSecurityProperties security,
			Environment environment, @Value("${shutong.data-dir}") Path dataDir,
			@Value("${shutong.keys.generate-missing}") boolean generateKeys) {
		return new LoopbackRegistration(() -> {
			String self = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
			Set<String> scopes = new LinkedHashSet<>();
			scopes.add(OidcScopes.OPENID);
			scopes.addAll(PortalClient.SCOPES);
			return ClientRegistration.withRegistrationId(REGISTRATION_ID)
				.clientId(PortalClient.CLIENT_ID)
				.clientSecret(portal.secret(dataDir, generateKeys))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope(scopes)
				.authorizationUri("/oauth2/authorize")
				.tokenUri(self + "/oauth2/token")
				.jwkSetUri(self + "/oauth2/jwks")
				.issuerUri(security.issuer())
				.userNameAttributeName("sub")
				.clientName("Shutong")
				.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
				.build();
		});
	}

	@Bean
	OAuth2AuthorizedClientRepository portalAuthorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	OAuth2AuthorizedClientManager portalAuthorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	/** The gateway signs ID tokens ES256, not the RS256 a client expects by default. */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
		OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
		factory.setJwsAlgorithmResolver((registration) -> SignatureAlgorithm.ES256);
		return factory;
	}

	/**
	 * The one registration, made on first use: only then is the port known that the
	 * server listens on.
	 */
	private static final class LoopbackRegistration implements ClientRegistrationRepository {

		private final Supplier<ClientRegistration> factory;

		private volatile @Nullable ClientRegistration registration;

		LoopbackRegistration(Supplier<ClientRegistration> factory) {
			this.factory = factory;
		}

		@Override
		public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
			if (!REGISTRATION_ID.equals(registrationId)) {
				return null;
			}
			ClientRegistration current = this.registration;
			if (current == null) {
				current = this.factory.get();
				this.registration = current;
			}
			return current;
		}

	}

}
