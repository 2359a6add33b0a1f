package org.shutong.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemBodies;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.problem.RequestBodyTooLargeException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (failures outside Spring MVC)
 * with the same problem body as everything else, never with a stack trace.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		ProblemDetail problem = problemFor(request);
		ProblemBodies.complete(problem, request);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String original) {
			problem.setInstance(ProblemBodies.instance(original));
		}
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ProblemDetail problemFor(HttpServletRequest request) {
		for (Throwable cause = (Throwable) request
			.getAttribute(RequestDispatcher.ERROR_EXCEPTION); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return Problems.of(PlatformProblem.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
			}
		}
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 500;
		PlatformProblem problem = PlatformProblem.forStatus(code);
		String detail = (code >= 500) ? "The request could not be completed. Quote the request id when reporting this."
				: problem.title() + ".";
		ProblemDetail body = Problems.of(problem, detail);
		body.setStatus(code);
		return body;
	}

}
