package org.shutong.platform.problem;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem bodies with the platform's stable properties.
 */
public final class Problems {

	public static final String CODE = "code";

	public static final String ERRORS = "errors";

	public static final String REQUEST_ID = "requestId";

	private Problems() {
	}

	public static ProblemDetail of(ProblemCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setType(code.type());
		problem.setTitle(code.title());
		problem.setProperty(CODE, code.name());
		return problem;
	}

	public static ProblemDetail invalid(String detail, List<FieldError> errors) {
		ProblemDetail problem = of(PlatformProblem.INVALID_REQUEST, detail);
		problem.setProperty(ERRORS, errors);
		return problem;
	}

}
