package org.shutong.catalog.resource;

import org.shutong.platform.problem.ProblemCode;

import org.springframework.http.HttpStatus;

/**
 * The catalogue's own refusals, with stable codes.
 */
public enum ResourceProblem implements ProblemCode {

	RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND, "Resource not found"),
	NO_DEPARTMENT(HttpStatus.FORBIDDEN, "Caller has no department"),
	NOT_PROVIDER(HttpStatus.FORBIDDEN, "Not the resource's provider"),
	RESOURCE_RETIRED(HttpStatus.CONFLICT, "Resource retired");

	private final HttpStatus status;

	private final String title;

	ResourceProblem(HttpStatus status, String title) {
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
