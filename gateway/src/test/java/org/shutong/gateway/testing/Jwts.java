package org.shutong.gateway.testing;

import java.text.ParseException;

import com.nimbusds.jwt.SignedJWT;

/**
 * Reads the header and claims of a signed JWT, without checking it.
 */
public final class Jwts {

	private Jwts() {
	}

	public static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw new AssertionError("not a signed JWT: " + token, ex);
		}
	}

}
