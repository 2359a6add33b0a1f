package org.shutong.platform.problem;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.web.RequestIdFilter;

import org.springframework.http.ProblemDetail;

/**
 * Gives every problem body the same shape, whoever built it: stable type, code and title
 * for the status, the request path and the request id.
 */
public final class ProblemBodies {

	private ProblemBodies() {
	}

	public static ProblemDetail complete(ProblemDetail problem, @Nullable HttpServletRequest request) {
		if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE)) {
			PlatformProblem code = PlatformProblem.forStatus(problem.getStatus());
			problem.setType(code.type());
			problem.setTitle(code.title());
			problem.setProperty(Problems.CODE, code.name());
			if (problem.getStatus() >= 500) {
				problem.setDetail("The request could not be completed. Quote the request id when reporting this.");
			}
		}
		if (request != null) {
			if (problem.getInstance() == null) {
				problem.setInstance(instance(request.getRequestURI()));
			}
			Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
			if (requestId != null) {
				problem.setProperty(Problems.REQUEST_ID, requestId);
			}
		}
		return problem;
	}

	public static @Nullable URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
