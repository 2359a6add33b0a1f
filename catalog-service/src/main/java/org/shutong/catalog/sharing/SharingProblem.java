package org.shutong.catalog.sharing;

import org.shutong.platform.problem.ProblemCode;

import org.springframework.http.HttpStatus;

/**
 * The sharing workflow's own refusals; their codes never change once published.
 */
public enum SharingProblem implements ProblemCode {

	/** The caller's token names no department, so it cannot apply, approve or list. */
	NO_DEPARTMENT(HttpStatus.FORBIDDEN, "No department"),
	/**
	 * Only the provider department's system or operator decides an application or revokes
	 * a grant.
	 */
	NOT_PROVIDER(HttpStatus.FORBIDDEN, "Not the provider"),
	/** A department never decides its own application. */
	OWN_APPLICATION(HttpStatus.FORBIDDEN, "Own application"),
	/** A department does not apply for its own resource: it already holds the data. */
	OWN_RESOURCE(HttpStatus.CONFLICT, "Own resource"), NOT_SHARED(HttpStatus.CONFLICT, "Resource not shared"),
	RESOURCE_RETIRED(HttpStatus.CONFLICT, "Resource retired"),
	APPLICATION_DECIDED(HttpStatus.CONFLICT, "Application already decided"),
	/** The application's requested validity passed before it was approved. */
	APPLICATION_LAPSED(HttpStatus.CONFLICT, "Application lapsed"),
	GRANT_NOT_ACTIVE(HttpStatus.CONFLICT, "Grant not active");

	private final HttpStatus status;

	private final String title;

	SharingProblem(HttpStatus status, String title) {
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

}
