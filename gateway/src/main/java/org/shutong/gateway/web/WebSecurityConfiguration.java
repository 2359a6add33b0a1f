package org.shutong.gateway.web;

import org.shutong.platform.security.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The portal and consoles: a session per person, signed in through the gateway's own
 * authorization server (authorization code with PKCE); the tokens stay in the session on
 * the server, the browser holds only the session cookie. Every form carries a CSRF token,
 * the session id changes at sign-in, and signing out ends the session and revokes the
 * tokens.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	static final String[] PATHS = { "/", "/portal/**", "/console/**", "/verification/**", "/denied",
			"/oauth2/authorization/**", "/login/oauth2/**", "/logout", "/assets/**", "/favicon.ico" };

	/**
	 * Where the portal keeps its sign-in in the session, apart from the authorization
	 * server's own (the form login), so the two never stand in for each other.
	 */
	static final String SECURITY_CONTEXT_KEY = "SHUTONG_PORTAL_SECURITY_CONTEXT";

	/** The page to return to after signing in, likewise apart from the server's own. */
	static final String SAVED_REQUEST_KEY = "SHUTONG_PORTAL_SAVED_REQUEST";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'";

	@Bean
	@Order(3)
	SecurityFilterChain webSecurityFilterChain(HttpSecurity http, OAuth2AuthorizedClientRepository authorizedClients,
			OAuth2AuthorizationService authorizations) {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(SECURITY_CONTEXT_KEY);
		HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
		savedRequests.setSessionAttrName(SAVED_REQUEST_KEY);
		http.securityMatcher(PATHS)
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(savedRequests))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/", "/verification/**", "/denied", "/assets/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/portal/**")
				.hasRole(Roles.CITIZEN)
				.requestMatchers("/console/operator/**")
				.hasRole(Roles.DEPT_OPERATOR)
				.requestMatchers("/console/audit/**")
				.hasRole(Roles.AUDITOR)
				.requestMatchers("/console/admin/**")
				.hasRole(Roles.ADMIN)
				.anyRequest()
				.authenticated())
			.oauth2Login((login) -> login.loginPage(PortalSignIn.START)
				.authorizedClientRepository(authorizedClients)
				.userInfoEndpoint((userInfo) -> userInfo.userAuthoritiesMapper(new PersonAuthorities())))
			.logout((logout) -> logout.logoutUrl("/logout")
				.addLogoutHandler(new TokenRevocation(authorizedClients, authorizations))
				.logoutSuccessUrl("/?signedOut")
				.deleteCookies(SessionCookie.NAME))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedPage("/denied"))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

}
