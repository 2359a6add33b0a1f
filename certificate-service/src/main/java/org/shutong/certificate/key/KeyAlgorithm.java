package org.shutong.certificate.key;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms an issuer key may have: SM2 with SM3 (GM/T 0003, GM/T 0004,
 * signer ID {@code 1234567812345678}) by default, ECDSA P-256 with SHA-256 as the
 * alternative. Signatures are DER (ASN.1 SEQUENCE of r and s) either way.
 *
 * @param signatureName the name a certificate's {@code signature.alg} carries
 * @param curve the curve's name in a JWK's {@code crv}
 * @param curveName the curve's name for the JCA and BouncyCastle
 */
public enum KeyAlgorithm {

	SM2("SM2-SM3", "SM2", "sm2p256v1"),

	P256("ES256", "P-256", "secp256r1");

	private final String signatureName;

	private final String curve;

	private final String curveName;

	KeyAlgorithm(String signatureName, String curve, String curveName) {
		this.signatureName = signatureName;
		this.curve = curve;
		this.curveName = curveName;
	}

	public String signatureName() {
		return this.signatureName;
	}

	public String curve() {
		return this.curve;
	}

	String curveName() {
		return this.curveName;
	}

	/** The algorithm a certificate's {@code signature.alg} names, if it names one. */
	public static Optional<KeyAlgorithm> bySignatureName(String name) {
		return Arrays.stream(values()).filter((algorithm) -> algorithm.signatureName.equals(name)).findFirst();
	}

	/** The algorithm of a JWK's {@code crv} or of its own name, if either names one. */
	public static Optional<KeyAlgorithm> byCurveOrName(String name) {
		return Arrays.stream(values())
			.filter((algorithm) -> algorithm.curve.equals(name) || algorithm.name().equals(name))
			.findFirst();
	}

}
