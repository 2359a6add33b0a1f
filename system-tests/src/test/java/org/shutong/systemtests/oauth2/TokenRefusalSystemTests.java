package org.shutong.systemtests.oauth2;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not open anything: forgeries, refused by the gateway before they are
 * routed and by the service itself when it is called directly, and a genuine token for
 * another service, refused by the service it reaches.
 * <p>
 * A token that is expired, or names another issuer, yet carries a valid signature of the
 * gateway's key cannot be made from outside the gateway; those checks are covered by the
 * platform's {@code ResourceServerTests}.
 */
@SystemTest
class TokenRefusalSystemTests {

	private static final String PATH = "/api/catalog/resources";

	private final RunningPlatform platform;

	private final Http http = new Http();

	private JWTClaimsSet genuineClaims;

	private String genuine;

	private ECKey gatewayKey;

	TokenRefusalSystemTests(RunningPlatform platform) {
		this.platform = platform;
	}

	@BeforeEach
	void genuineToken() throws Exception {
		DemoCredentials.Client system = this.platform.demo().client("civil-affairs-system");
		this.genuine = new TokenClient(this.platform).clientCredentials(system.clientId(), system.clientSecret(),
				"catalog.read");
		this.genuineClaims = SignedJWT.parse(this.genuine).getJWTClaimsSet();
		String jwks = this.http.get(this.platform.gatewayUri("/oauth2/jwks"), null).body();
		this.gatewayKey = JWKSet.parse(jwks)
			.getKeyByKeyId(SignedJWT.parse(this.genuine).getHeader().getKeyID())
			.toECKey();
	}

	@Test
	void theGenuineTokenIsAccepted() throws Exception {
		this.http.ok(this.http.get(this.platform.gatewayUri(PATH), this.genuine));
	}

	@Test
	void refusesATokenWhosePayloadWasChanged() throws Exception {
		String[] parts = this.genuine.split("\\.");
		JWTClaimsSet widened = new JWTClaimsSet.Builder(this.genuineClaims).claim("scope", "catalog.read admin")
			.build();
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(widened.toString().getBytes(StandardCharsets.UTF_8));
		assertRefused(parts[0] + "." + payload + "." + parts[2], "Invalid signature");
	}

	@Test
	void refusesAnUnsignedToken() throws Exception {
		assertRefused(new PlainJWT(this.genuineClaims).serialize(), "Unsupported algorithm of none");
	}

	@Test
	void refusesATokenSignedByAnUnknownKey() throws Exception {
		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		assertRefused(sign(JWSAlgorithm.ES256, stranger.getKeyID(), new ECDSASigner(stranger)),
				"no matching key(s) found");
	}

	@Test
	void refusesATokenSignedByAnotherKeyUnderTheGatewaysKeyId() throws Exception {
		ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
		assertRefused(sign(JWSAlgorithm.ES256, this.gatewayKey.getKeyID(), new ECDSASigner(stranger)),
				"Invalid signature");
	}

	/** The classic confusion: HS256 keyed with the gateway's published public key. */
	@Test
	void refusesAnHmacTokenKeyedWithTheGatewaysPublicKey() throws Exception {
		byte[] publicKey = this.gatewayKey.toECPublicKey().getEncoded();
		assertRefused(sign(JWSAlgorithm.HS256, this.gatewayKey.getKeyID(), new MACSigner(publicKey)),
				"Another algorithm expected");
	}

	@Test
	void refusesSomethingThatIsNotAToken() throws Exception {
		assertRefused("not-a-jwt", "Malformed token");
	}

	/**
	 * A genuine token asked for with the catalogue scope is not issued for the audit
	 * service: the gateway, for which it is valid, routes it, and the service refuses it.
	 */
	@Test
	void theServiceRefusesAGenuineTokenThatIsNotForIt() throws Exception {
		String requestId = "e2e-" + UUID.randomUUID();
		HttpResponse<String> response = this.http
			.send(this.http.request(this.platform.gatewayUri("/api/audit/events"), this.genuine)
				.header("X-Request-Id", requestId)
				.build());
		assertInvalidToken(response, "The aud claim is not valid");
		assertThat(this.platform.audit().awaitRequestLogged(requestId).status()).isEqualTo(401);
	}

	private String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer) throws Exception {
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(),
				this.genuineClaims);
		token.sign(signer);
		return token.serialize();
	}

	/**
	 * Refused at the gateway, which then routes nothing; and refused by the catalogue
	 * service too when the gateway is bypassed.
	 */
	private void assertRefused(String token, String reason) throws Exception {
		String requestId = "e2e-" + UUID.randomUUID();
		assertInvalidToken(send(this.platform.gatewayUri(PATH), token, requestId), reason);
		assertThat(this.platform.gateway().awaitRequestLogged(requestId).status()).isEqualTo(401);

		String direct = "e2e-" + UUID.randomUUID();
		assertInvalidToken(send(this.platform.catalog().uri(PATH), token, direct), reason);
		assertThat(this.platform.catalog().awaitRequestLogged(direct).status()).isEqualTo(401);
		this.platform.catalog().awaitLogCaughtUp();
		assertThat(this.platform.catalog().hasLoggedRequest(requestId)).as("routed to the catalogue").isFalse();
	}

	private HttpResponse<String> send(URI uri, String token, String requestId) throws Exception {
		return this.http.send(this.http.request(uri, token).header("X-Request-Id", requestId).build());
	}

	private void assertInvalidToken(HttpResponse<String> response, String reason) {
		assertThat(this.http.problem(response, 401, "UNAUTHORIZED").get("detail").asString())
			.isEqualTo("The bearer token is invalid, has expired or was not issued for this service.");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\"").contains(reason));
	}

}
