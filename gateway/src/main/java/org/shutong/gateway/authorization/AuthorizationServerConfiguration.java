package org.shutong.gateway.authorization;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.shutong.gateway.client.CachingRegisteredClientRepository;
import org.shutong.gateway.client.ClientAssertionDecoders;
import org.shutong.gateway.client.ClientSecrets;
import org.shutong.gateway.signingkey.SigningKeyRing;
import org.shutong.gateway.user.UserAccountRepository;
import org.shutong.platform.security.PlatformSecurityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The OAuth2 / OpenID Connect authorization server (Spring Security's), with its clients,
 * authorizations and consents in the gateway's database and tokens signed by the
 * persisted key ring.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** How long another gateway instance may keep using a client's old registration. */
	private static final Duration CLIENT_CACHE_TIME = Duration.ofSeconds(5);

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http,
			RegisteredClientRepository registeredClients) {
		ClientAssertionDecoders assertions = new ClientAssertionDecoders();
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer.oidc(Customizer.withDefaults())
				.clientAuthentication((clients) -> clients.authenticationConverter(PublicClientRefresh.converter())
					.authenticationProvider(PublicClientRefresh.provider(registeredClients))
					.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof JwtClientAssertionAuthenticationProvider assertion) {
							assertion.setJwtDecoderFactory(assertions);
						}
						else if (provider instanceof ClientSecretAuthenticationProvider secret) {
							secret.setPasswordEncoder(ClientSecrets.encoder());
						}
					})));
		});
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
		return http.build();
	}

	private static MediaTypeRequestMatcher browsers() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return matcher;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(PlatformSecurityProperties security) {
		return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
		return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc), CLIENT_CACHE_TIME);
	}

	@Bean
	IndexedAuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients,
			TransactionOperations transactions, Clock clock) {
		return new IndexedAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients), jdbc, transactions,
				clock);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	/**
	 * Spring's token generators but for refresh tokens, which the public command-line
	 * client gets too.
	 */
	@Bean
	OAuth2TokenGenerator<OAuth2Token> tokenGenerator(SigningKeyRing keys,
			OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims, Clock clock) {
		JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
		jwts.setJwtCustomizer(tokenClaims);
		return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(),
				new RefreshTokenGenerator(clock));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(SigningKeyRing keys, UserAccountRepository users) {
		return new TokenClaims(keys, users);
	}

}
