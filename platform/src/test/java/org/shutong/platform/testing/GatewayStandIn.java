package org.shutong.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway as a service sees it in the service's own tests: its JWK Set published over
 * HTTP at {@code <issuer>/oauth2/jwks}, and tokens signed ES256 with the matching key, as
 * the gateway signs them. One stand-in serves the whole test JVM, so that test classes
 * with the same configuration share one application context.
 * <p>
 * A service test points the service at it with {@code @DynamicPropertySource static void
 * gateway(DynamicPropertyRegistry registry) { GatewayStandIn.shared().register(registry);
 * }}.
 */
public final class GatewayStandIn {

	private static final GatewayStandIn SHARED = new GatewayStandIn();

	private final ECKey key = generateKey();

	private final String issuer;

	private GatewayStandIn() {
		HttpServer server = publish(new JWKSet(this.key.toPublicJWK()).toString());
		this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
	}

	public static GatewayStandIn shared() {
		return SHARED;
	}

	public String issuer() {
		return this.issuer;
	}

	/** Makes the service trust this stand-in's tokens. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("shutong.security.issuer", this::issuer);
	}

	/**
	 * Claims of a token for {@code audience}, valid for five more minutes, that names no
	 * scope and no role.
	 */
	public JWTClaimsSet.Builder claims(String audience) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(audience)
			.subject("test-caller")
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString());
	}

	/** A department system's token with these space-separated scopes. */
	public String withScopes(String audience, String scopes) {
		return sign(claims(audience).claim("scope", scopes).claim("client_id", "test-system"));
	}

	/** A person's token with this role. */
	public String withRole(String audience, String role) {
		return sign(claims(audience).claim("roles", List.of(role)).claim("client_id", "shutong-cli"));
	}

	/**
	 * A citizen's token as the gateway issues it after login: role {@code CITIZEN} and
	 * the {@code holder} claim with the citizen's holder reference.
	 */
	public String citizen(String audience, String holder) {
		return sign(claims(audience).claim("roles", List.of("CITIZEN"))
			.claim("holder", holder)
			.claim("client_id", "shutong-cli"));
	}

	public String sign(JWTClaimsSet.Builder claims) {
		try {
			SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims.build());
			token.sign(new ECDSASigner(this.key));
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer publish(String jwks) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/oauth2/jwks", (exchange) -> {
				byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ECKey generateKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID("stand-in-" + UUID.randomUUID()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
