package org.shutong.certificate.key;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The elliptic-curve operations behind issuer keys, all through BouncyCastle (a provider
 * instance of its own, not registered globally).
 */
public final class EcCrypto {

	/** The SM2 signer ID (GM/T 0009 default) every signature and verification uses. */
	public static final byte[] SM2_SIGNER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private EcCrypto() {
	}

	static KeyPair generate(KeyAlgorithm algorithm) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
			// Without an explicit curve BouncyCastle picks a 239-bit default, not SM2.
			generator.initialize(new ECGenParameterSpec(algorithm.curveName()));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] sign(KeyAlgorithm algorithm, PrivateKey key, byte[] data) {
		try {
			Signature signature = signature(algorithm);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot sign", ex);
		}
	}

	public static boolean verify(KeyAlgorithm algorithm, PublicKey key, byte[] data, byte[] der) {
		try {
			Signature signature = signature(algorithm);
			signature.initVerify(key);
			signature.update(data);
			return signature.verify(der);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// A malformed signature is as bad as a wrong one.
			return false;
		}
	}

	private static Signature signature(KeyAlgorithm algorithm) throws GeneralSecurityException {
		Signature signature = Signature.getInstance(algorithm.jcaSignature(), PROVIDER);
		if (algorithm == KeyAlgorithm.SM2) {
			signature.setParameter(new SM2ParameterSpec(SM2_SIGNER_ID));
		}
		return signature;
	}

	static PublicKey publicKey(byte[] spki) {
		try {
			return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The public point's coordinates, 32 bytes each, as a JWK's {@code x} and {@code y}.
	 */
	static byte[][] coordinates(PublicKey key) {
		ECPublicKey ec = (ECPublicKey) key;
		return new byte[][] { fixed(ec.getW().getAffineX()), fixed(ec.getW().getAffineY()) };
	}

	private static byte[] fixed(BigInteger value) {
		// toByteArray() may add a sign byte or drop leading zeros.
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

}
