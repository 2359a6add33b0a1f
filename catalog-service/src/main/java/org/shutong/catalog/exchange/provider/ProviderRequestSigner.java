package org.shutong.catalog.exchange.provider;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs the broker's request to a provider: a short-lived ES256 JWT, sent as the bearer
 * token, that names the consumer, the purpose, the service item and the receipt, and
 * binds the request it travels with by the SHA-256 of its body (POST) or query string
 * (GET). A provider checks it with the broker's public key at {@code /api/exchange/keys}
 * and can log the same receipt id as the platform.
 */
public final class ProviderRequestSigner {

	/**
	 * How long a provider may accept the token: enough for clock skew, not for replay.
	 */
	static final Duration LIFETIME = Duration.ofSeconds(60);

	static final String TYPE = "shutong-exchange+jwt";

	private final ECKey key;

	private final JWSSigner signer;

	private final String issuer;

	private final Clock clock;

	public ProviderRequestSigner(KeyPair pair, String issuer, Clock clock) {
		try {
			ECKey unidentified = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
				.privateKey((ECPrivateKey) pair.getPrivate())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.build();
			this.key = new ECKey.Builder(unidentified).keyIDFromThumbprint().build();
			this.signer = new ECDSASigner(this.key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot use the exchange signing key", ex);
		}
		this.issuer = issuer;
		this.clock = clock;
	}

	/** The public key set providers verify with; never the private part. */
	public JWKSet publicKeys() {
		return new JWKSet(this.key.toPublicJWK());
	}

	String sign(ProviderCall call, byte[] requestHash) {
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(List.of(call.providerCode()))
			.subject(call.consumerCode())
			.jwtID(call.receiptId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.claim("client_id", call.clientId())
			.claim("user_id", call.userId())
			.claim("purpose", call.purpose())
			.claim("service_item", call.serviceItemCode())
			.claim("resource", call.resourceCode())
			.claim("grant", call.grantId())
			.claim("req_sha256", Base64URL.encode(requestHash).toString());
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID())
			.type(new JOSEObjectType(TYPE))
			.build(), claims.build());
		try {
			token.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a provider request", ex);
		}
		return token.serialize();
	}

}
