package org.shutong.gateway.api;

import org.shutong.gateway.signingkey.SigningKeyRing;
import org.shutong.platform.security.PlatformSecurityAutoConfiguration;
import org.shutong.platform.security.PlatformSecurityProperties;
import org.shutong.platform.security.ProblemAccessDeniedHandler;
import org.shutong.platform.security.ProblemAuthenticationEntryPoint;
import org.shutong.platform.security.ServiceTokenValidator;
import org.shutong.platform.security.VerifiedTokenCache;
import org.shutong.platform.web.ProblemResponseWriter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The APIs the gateway serves: its own (administration, departments) and the services'
 * behind it. Bearer tokens only, checked here against the local key ring; a routed API is
 * passed through, and checked again by its service, which knows what each endpoint needs.
 * Requests are counted against the caller's rate limit once its token is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class ApiSecurityConfiguration {

	static final String[] ROUTED_PATHS = { "/api/catalog/**", "/api/exchange/**", "/api/certificates/**",
			"/api/verify/**", "/api/audit/**" };

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
			JwtAuthenticationConverter converter, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied, RateLimitProperties rateLimits, ProblemResponseWriter problems) {
		http.securityMatcher("/api/**", "/actuator/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.logout(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ROUTED_PATHS)
				.permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.addFilterAfter(new RateLimitFilter(rateLimits, problems), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The gateway checks its own tokens against the key ring in memory, not over HTTP.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeyRing keys, PlatformSecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithms((algorithms) -> algorithms.addAll(properties.jwsAlgorithms()))
			.build();
		decoder.setJwtValidator(ServiceTokenValidator.of(properties));
		return new VerifiedTokenCache(decoder, PlatformSecurityAutoConfiguration.VERIFIED_TOKENS);
	}

}
