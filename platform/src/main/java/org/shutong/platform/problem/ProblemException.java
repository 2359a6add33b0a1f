package org.shutong.platform.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by a service to answer with one of its problem codes. The message is the
 * problem's {@code detail}, so it must be safe to show to the caller.
 */
public class ProblemException extends ErrorResponseException {

	private final ProblemCode code;

	public ProblemException(ProblemCode code, String detail) {
		this(code, Problems.of(code, detail));
	}

	public ProblemException(ProblemCode code, ProblemDetail body) {
		super(code.status(), body, null);
		this.code = code;
	}

	public ProblemCode code() {
		return this.code;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
