package org.shutong.certificate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outsider's verifier: OpenSSL 3 on the command line, given a published JWK turned
 * into a PEM public key.
 */
public final class Openssl {

	public static final List<String> SM2 = List.of("-digest", "sm3", "-pkeyopt", "distid:1234567812345678");

	public static final List<String> ES256 = List.of("-digest", "sha256");

	private Openssl() {
	}

	/** The PEM SubjectPublicKeyInfo of an EC JWK ({@code crv} SM2 or P-256). */
	public static String pem(Map<String, String> jwk) throws Exception {
		String curve = "SM2".equals(jwk.get("crv")) ? "sm2p256v1" : "secp256r1";
		ECNamedCurveParameterSpec parameters = ECNamedCurveTable.getParameterSpec(curve);
		ECNamedCurveSpec spec = new ECNamedCurveSpec(curve, parameters.getCurve(), parameters.getG(), parameters.getN(),
				parameters.getH());
		ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("x"))),
				new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y"))));
		PublicKey key = KeyFactory.getInstance("EC", new BouncyCastleProvider())
			.generatePublic(new ECPublicKeySpec(point, spec));
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	/**
	 * Whether {@code openssl pkeyutl -verify -rawin} accepts the DER signature of data.
	 */
	public static boolean verifies(Path pem, Path data, Path signature, List<String> digestOptions) throws Exception {
		List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
				pem.toString(), "-rawin", "-in", data.toString(), "-sigfile", signature.toString()));
		command.addAll(digestOptions);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return process.exitValue() == 0 && output.contains("Signature Verified Successfully");
	}

}
