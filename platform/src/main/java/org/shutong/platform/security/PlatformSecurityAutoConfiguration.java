package org.shutong.platform.security;

import java.util.List;

import org.shutong.platform.web.PlatformWebAutoConfiguration;
import org.shutong.platform.web.ProblemResponseWriter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every servlet service an OAuth2 resource server for the gateway's tokens that
 * denies by default: only health, info and the error page are open, everything else needs
 * a valid token, and each endpoint names its scope or role with {@code @PreAuthorize}.
 * Refusals are problems like every other error. A service that declares its own
 * {@link SecurityFilterChain} keeps the decoder, converter and problem handlers defined
 * here.
 */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

	/** How many verified tokens a service remembers. */
	public static final long VERIFIED_TOKENS = 10_000;

	private static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/error" };

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
		OAuth2TokenValidator<Jwt> validator = ServiceTokenValidator.of(properties);
		// Builds no key source yet: the keys are fetched with the first token, so a
		// service starts even while the gateway is down.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
			.jwsAlgorithms((algorithms) -> algorithms.addAll(properties.jwsAlgorithms()))
			.build();
		decoder.setJwtValidator(validator);
		return new VerifiedTokenCache(decoder, VERIFIED_TOKENS);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new ClaimAuthorities());
		return converter;
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponseWriter problems) {
		return new ProblemAuthenticationEntryPoint(problems);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemResponseWriter problems) {
		return new ProblemAccessDeniedHandler(problems);
	}

	@Bean
	WebMvcConfigurer callerArguments() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
			JwtAuthenticationConverter converter, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied, PlatformSecurityProperties properties) {
		// Bearer tokens only: no session, no cookie for a cross-site request to ride on.
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.logout(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN_PATHS)
				.permitAll()
				.requestMatchers(properties.publicPaths().toArray(String[]::new))
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.authenticated()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(
						(resource) -> resource.authorizationServer(properties.issuer())))
				.withObjectPostProcessor(unreachableKeysToEntryPoint(entryPoint)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

	/**
	 * Lets the entry point answer 503 when the gateway's keys cannot be fetched, where
	 * Spring Security would let the exception escape as a 500.
	 */
	private static ObjectPostProcessor<BearerTokenAuthenticationFilter> unreachableKeysToEntryPoint(
			ProblemAuthenticationEntryPoint entryPoint) {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
				AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(
						entryPoint);
				failures.setRethrowAuthenticationServiceException(false);
				filter.setAuthenticationFailureHandler(failures);
				return filter;
			}

		};
	}

}
