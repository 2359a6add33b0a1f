package org.shutong.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues tokens the way the gateway does (ES256 with a P-256 key named by {@code kid}),
 * and the ways an attacker or a misconfigured client might.
 */
final class GatewayTokens {

	static final String AUDIENCE = "fixture-service";

	private static final ECKey GATEWAY_KEY = generate("gateway-key-1");

	private static final ECKey STRANGER_KEY = generate("stranger-key-1");

	private final String issuer;

	GatewayTokens(String issuer) {
		this.issuer = issuer;
	}

	/** The gateway's JWKS document: its public key only. */
	static String jwks() {
		return new JWKSet(GATEWAY_KEY.toPublicJWK()).toString();
	}

	/** Claims of a token that is valid for five more minutes and names no scope. */
	JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(AUDIENCE)
			.subject("dept-system-1")
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString());
	}

	String sign(JWTClaimsSet.Builder claims) {
		return sign(claims, GATEWAY_KEY, JOSEObjectType.JWT);
	}

	String sign(JWTClaimsSet.Builder claims, JOSEObjectType type) {
		return sign(claims, GATEWAY_KEY, type);
	}

	String signWithStrangerKey(JWTClaimsSet.Builder claims) {
		return sign(claims, STRANGER_KEY, JOSEObjectType.JWT);
	}

	String unsigned(JWTClaimsSet.Builder claims) {
		return new PlainJWT(claims.build()).serialize();
	}

	/** The classic confusion attack: HS256 keyed with the gateway's public key. */
	String hmacWithThePublicKey(JWTClaimsSet.Builder claims) {
		try {
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(GATEWAY_KEY.getKeyID()).build();
			return sign(header, claims, new MACSigner(GATEWAY_KEY.toECPublicKey().getEncoded()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWTClaimsSet.Builder claims, ECKey key, JOSEObjectType type) {
		try {
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build();
			return sign(header, claims, new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSHeader header, JWTClaimsSet.Builder claims, JWSSigner signer) throws JOSEException {
		SignedJWT token = new SignedJWT(header, claims.build());
		token.sign(signer);
		return token.serialize();
	}

	private static ECKey generate(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
