package org.shutong.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.web.ProblemResponseWriter;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a caller whose token lacks the scope or role a request needs with a 403 problem
 * and {@code WWW-Authenticate: Bearer error="insufficient_scope"}.
 */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	private final ProblemResponseWriter problems;

	public ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.bearer.handle(request, response, ex);
		this.problems.write(request, response, PlatformProblem.FORBIDDEN,
				"The caller's token does not grant the scope or role this request needs.");
	}

}
