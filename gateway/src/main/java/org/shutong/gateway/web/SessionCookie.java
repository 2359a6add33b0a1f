package org.shutong.gateway.web;

/**
 * The session cookie's name, set in {@code application.yaml}
 * ({@code server.servlet.session.cookie}): HttpOnly, SameSite=Lax, and Secure whenever
 * the request came over HTTPS.
 */
final class SessionCookie {

	static final String NAME = "SHUTONG_SESSION";

	private SessionCookie() {
	}

}
