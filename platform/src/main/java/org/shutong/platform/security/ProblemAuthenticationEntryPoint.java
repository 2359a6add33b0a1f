package org.shutong.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.web.ProblemResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a usable bearer token with a 401 problem and the
 * {@code WWW-Authenticate: Bearer ...} header RFC 6750 asks for; a token that cannot be
 * checked because the gateway's keys are out of reach gets 503 instead.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemResponseWriter problems;

	public ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("Could not check a bearer token: {}", ex.getMessage());
			this.problems.write(request, response, PlatformProblem.SERVICE_UNAVAILABLE,
					"Bearer tokens cannot be checked at the moment. Try again shortly.");
			return;
		}
		this.bearer.commence(request, response, ex);
		if (response.getStatus() == HttpStatus.BAD_REQUEST.value()) {
			this.problems.write(request, response, PlatformProblem.INVALID_REQUEST,
					"The bearer token was sent in a way that is not allowed.");
			return;
		}
		String detail = (ex instanceof OAuth2AuthenticationException)
				? "The bearer token is invalid, has expired or was not issued for this service."
				: "This request needs a bearer token.";
		this.problems.write(request, response, PlatformProblem.UNAUTHORIZED, detail);
	}

}
