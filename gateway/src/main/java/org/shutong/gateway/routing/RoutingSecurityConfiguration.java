package org.shutong.gateway.routing;

import org.shutong.platform.security.ProblemAccessDeniedHandler;
import org.shutong.platform.security.ProblemAuthenticationEntryPoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway passes the routed APIs through with their bearer tokens untouched: each
 * service is a resource server that checks the token and its scopes itself. Everything
 * else the gateway serves is denied unless opened explicitly.
 */
@Configuration(proxyBeanMethods = false)
class RoutingSecurityConfiguration {

	static final String[] ROUTED_PATHS = { "/api/catalog/**", "/api/exchange/**", "/api/certificates/**",
			"/api/verify/**", "/api/audit/**" };

	@Bean
	SecurityFilterChain routingSecurityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied) {
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ROUTED_PATHS)
				.permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/info", "/error")
				.permitAll()
				.anyRequest()
				.denyAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

}
