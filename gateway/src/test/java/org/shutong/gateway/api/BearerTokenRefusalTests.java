package org.shutong.gateway.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.signingkey.SigningKey;
import org.shutong.gateway.signingkey.SigningKeyRing;
import org.shutong.gateway.testing.Jwts;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own API accepts only its own, current tokens, for itself: each forged or
 * misdirected token below is refused with a 401 problem, while the same claims signed
 * properly are accepted.
 */
@GatewayTest
class BearerTokenRefusalTests extends GatewayHttpTest {

	private static final String ISSUER = "http://127.0.0.1:8080";

	@Autowired
	private SigningKeyRing keys;

	private ECKey gatewayKey;

	@BeforeEach
	void gatewaySigningKey() {
		String active = this.keys.activeKeyId();
		this.gatewayKey = this.keys.published()
			.stream()
			.filter((key) -> key.keyId().equals(active))
			.map(SigningKey::jwk)
			.findFirst()
			.orElseThrow()
			.toECKey();
	}

	@Test
	void acceptsATokenSignedWithTheGatewaysKey() {
		assertThat(departments(sign(claims(), this.gatewayKey)).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesARequestWithoutToken() {
		assertRefused(null);
	}

	@Test
	void refusesAnExpiredToken() {
		Instant past = Instant.now().minus(Duration.ofMinutes(20));
		assertRefused(sign(claims().issueTime(Date.from(past))
			.notBeforeTime(Date.from(past))
			.expirationTime(Date.from(past.plus(Duration.ofMinutes(10)))), this.gatewayKey));
	}

	@Test
	void refusesATokenFromAnotherIssuer() {
		assertRefused(sign(claims().issuer("https://impostor.example"), this.gatewayKey));
	}

	@Test
	void refusesATokenNotMeantForTheGateway() {
		assertRefused(sign(claims().audience(List.of("catalog-service", "audit-service")), this.gatewayKey));
	}

	@Test
	void refusesATokenWhoseClaimsWereChangedAfterSigning() throws Exception {
		SignedJWT signed = SignedJWT.parse(sign(claims(), this.gatewayKey));
		Base64URL[] parts = signed.getParsedParts();
		Base64URL elevated = Base64URL.encode(claims().claim("scope", "admin").build().toString());

		assertRefused(parts[0] + "." + elevated + "." + parts[2]);
	}

	@Test
	void refusesAnUnsignedToken() {
		assertRefused(new PlainJWT(claims().build()).serialize());
	}

	@Test
	void refusesATokenSignedWithAnUnknownKey() {
		assertRefused(sign(claims(), Jwts.generateKey(UUID.randomUUID().toString())));
	}

	@Test
	void refusesATokenSignedWithAnotherKeyUnderTheGatewaysKeyId() {
		assertRefused(sign(claims(), Jwts.generateKey(this.gatewayKey.getKeyID())));
	}

	@Test
	void refusesATokenMacedWithTheGatewaysPublicKey() throws Exception {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.gatewayKey.getKeyID()).build();
		byte[] publicKey = this.gatewayKey.toECPublicKey().getEncoded();

		assertRefused(sign(header, claims(), new MACSigner(publicKey)));
	}

	private void assertRefused(@Nullable String token) {
		GatewayHttp.problem(departments(token), 401, "UNAUTHORIZED");
	}

	private HttpResponse<String> departments(@Nullable String token) {
		return this.gateway.get("/api/departments", token);
	}

	private static JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("forged-system")
			.audience(List.of("gateway", "catalog-service"))
			.claim("client_id", "forged-system")
			.claim("scope", "catalog.read")
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString());
	}

	private static String sign(JWTClaimsSet.Builder claims, ECKey key) {
		try {
			return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims,
					new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSHeader header, JWTClaimsSet.Builder claims, JWSSigner signer) {
		try {
			SignedJWT token = new SignedJWT(header, claims.build());
			token.sign(signer);
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
