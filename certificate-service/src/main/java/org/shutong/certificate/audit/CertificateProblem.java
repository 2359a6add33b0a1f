package org.shutong.certificate.audit;

import org.shutong.platform.problem.ProblemCode;

import org.springframework.http.HttpStatus;

/**
 * The certificate service's own refusals; their codes never change once published.
 */
public enum CertificateProblem implements ProblemCode {

	/** The caller's token names no department, so it can neither issue nor manage. */
	NO_DEPARTMENT(HttpStatus.FORBIDDEN, "No department"),
	/** Only the type's issuing department issues, revokes, suspends or resumes. */
	NOT_ISSUER(HttpStatus.FORBIDDEN, "Not the issuer"), TYPE_EXISTS(HttpStatus.CONFLICT, "Certificate type exists"),
	/** The certificate's status does not allow this change. */
	ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "Illegal status change"),
	TOO_MANY_ITEMS(HttpStatus.PAYLOAD_TOO_LARGE, "Too many items"),
	/** The caller's token names no holder, so it has no certificates of its own. */
	NO_HOLDER(HttpStatus.FORBIDDEN, "No holder"),
	/** A revoked or expired certificate cannot be authorised for use. */
	CERTIFICATE_NOT_USABLE(HttpStatus.CONFLICT, "Certificate not usable"),
	/** The use authorisation was withdrawn already or has expired. */
	AUTHORIZATION_ENDED(HttpStatus.CONFLICT, "Authorisation ended"),
	/**
	 * No live use authorisation of the holder covers this department and service item.
	 */
	NO_AUTHORIZATION(HttpStatus.FORBIDDEN, "No use authorisation");

	private final HttpStatus status;

	private final String title;

	CertificateProblem(HttpStatus status, String title) {
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
