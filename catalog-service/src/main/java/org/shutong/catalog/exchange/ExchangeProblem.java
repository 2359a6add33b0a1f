package org.shutong.catalog.exchange;

import org.shutong.platform.problem.ProblemCode;

import org.springframework.http.HttpStatus;

/**
 * The exchange broker's own refusals and failures; their codes never change once
 * published.
 */
public enum ExchangeProblem implements ProblemCode {

	/** The consumer department holds no grant for the resource and service item. */
	NO_GRANT(HttpStatus.FORBIDDEN, "No grant"), GRANT_REVOKED(HttpStatus.FORBIDDEN, "Grant revoked"),
	GRANT_EXPIRED(HttpStatus.FORBIDDEN, "Grant expired"),
	/** The grant's budget for the minute or the day is spent. */
	QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "Query quota exceeded"),
	/**
	 * The resource's endpoint is not on the administrator's allowlist, or resolves to a
	 * refused address.
	 */
	PROVIDER_NOT_ALLOWED(HttpStatus.BAD_GATEWAY, "Provider not allowed"),
	/**
	 * The provider could not be reached or answered with an error status or a redirect.
	 */
	PROVIDER_ERROR(HttpStatus.BAD_GATEWAY, "Provider error"),
	/** The provider answered something other than JSON rows. */
	PROVIDER_MALFORMED(HttpStatus.BAD_GATEWAY, "Malformed provider response"),
	PROVIDER_TOO_LARGE(HttpStatus.BAD_GATEWAY, "Provider response too large"),
	PROVIDER_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Provider timed out"),
	/** The provider's circuit is open or all its calls are in use: try again later. */
	PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Provider unavailable");

	private final HttpStatus status;

	private final String title;

	ExchangeProblem(HttpStatus status, String title) {
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
