package org.shutong.certificate.key;

/**
 * An issuer's current key, able to sign. Where the private key lives (sealed in the
 * database, or in a PKCS#11 token) is the {@link IssuerKeyStore}'s business.
 */
public interface SigningKey {

	String keyId();

	KeyAlgorithm algorithm();

	/** The DER signature of {@code data}; safe to call from many threads at once. */
	byte[] sign(byte[] data);

}
