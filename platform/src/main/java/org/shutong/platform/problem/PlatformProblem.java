package org.shutong.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * Problems every service can answer with.
 */
public enum PlatformProblem implements ProblemCode {

	MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required"), FORBIDDEN(HttpStatus.FORBIDDEN, "Access denied"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"), CONFLICT(HttpStatus.CONFLICT, "Conflict"),
	PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
	BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "Bad gateway"),
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
	GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout");

	private final HttpStatus status;

	private final String title;

	PlatformProblem(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public String title() {
		return this.title;
	}

	/**
	 * The platform code for a bare HTTP status, used when Spring raised the error.
	 */
	public static PlatformProblem forStatus(int status) {
		for (PlatformProblem problem : values()) {
			if (problem.status.value() == status) {
				return problem;
			}
		}
		return (status >= 500) ? INTERNAL_ERROR : INVALID_REQUEST;
	}

}
