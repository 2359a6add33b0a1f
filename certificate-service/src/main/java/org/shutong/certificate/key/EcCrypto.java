package org.shutong.certificate.key;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The elliptic-curve operations behind issuer keys, all through BouncyCastle: keys
 * through its JCA provider (an instance of its own, not registered globally), signatures
 * through its lightweight signers.
 */
public final class EcCrypto {

	/** The SM2 signer ID (GM/T 0009 default) every signature and verification uses. */
	public static final byte[] SM2_SIGNER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private static final ECDomainParameters SM2_DOMAIN = new ECDomainParameters(
			CustomNamedCurves.getByName(KeyAlgorithm.SM2.curveName()));

	private static final ECDomainParameters P256_DOMAIN = new ECDomainParameters(
			CustomNamedCurves.getByName(KeyAlgorithm.P256.curveName()));

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

	/**
	 * A signer for the private key, for one thread at a time; it signs as often as it is
	 * asked. It works on the named curve's own base point, whose fixed-point tables are
	 * computed once per process: BouncyCastle's JCA signers rebuild the curve from the
	 * key's parameters on every {@code initSign}, tables and all, which cost three times
	 * the signature itself.
	 */
	static Signer signer(KeyAlgorithm algorithm, PrivateKey key) {
		ECDomainParameters domain = domain(algorithm);
		CipherParameters parameters = new ParametersWithRandom(
				new ECPrivateKeyParameters(((ECPrivateKey) key).getS(), domain),
				CryptoServicesRegistrar.getSecureRandom());
		Signer signer = newSigner(algorithm);
		signer.init(true,
				(algorithm == KeyAlgorithm.SM2) ? new ParametersWithID(parameters, SM2_SIGNER_ID) : parameters);
		return signer;
	}

	/** A verifier of the public key's DER signatures, safe to use from many threads. */
	public static Verifier verifier(KeyAlgorithm algorithm, PublicKey key) {
		ECDomainParameters domain = domain(algorithm);
		java.security.spec.ECPoint w = ((ECPublicKey) key).getW();
		CipherParameters point = new ECPublicKeyParameters(
				domain.getCurve().validatePoint(w.getAffineX(), w.getAffineY()), domain);
		CipherParameters parameters = (algorithm == KeyAlgorithm.SM2) ? new ParametersWithID(point, SM2_SIGNER_ID)
				: point;
		return (data, der) -> {
			try {
				Signer signer = newSigner(algorithm);
				signer.init(false, parameters);
				signer.update(data, 0, data.length);
				return signer.verifySignature(der);
			}
			catch (RuntimeException ex) {
				// A malformed signature is as bad as a wrong one.
				return false;
			}
		};
	}

	/** Checks DER signatures against one public key. */
	@FunctionalInterface
	public interface Verifier {

		boolean verify(byte[] data, byte[] der);

	}

	private static Signer newSigner(KeyAlgorithm algorithm) {
		return (algorithm == KeyAlgorithm.SM2) ? new SM2Signer()
				: new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
	}

	private static ECDomainParameters domain(KeyAlgorithm algorithm) {
		return (algorithm == KeyAlgorithm.SM2) ? SM2_DOMAIN : P256_DOMAIN;
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
