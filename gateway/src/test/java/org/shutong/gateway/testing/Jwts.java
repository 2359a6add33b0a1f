package org.shutong.gateway.testing;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;

/**
 * Reads the header and claims of a signed JWT, without checking it, and makes keys to
 * sign test tokens with.
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

	/**
	 * A fresh P-256 key pair with the given key id.
	 */
	public static ECKey generateKey(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
