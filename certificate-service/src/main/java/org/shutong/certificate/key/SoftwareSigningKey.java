package org.shutong.certificate.key;

import java.security.PrivateKey;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;

/**
 * A private key held in memory, as the database key store opens them. Each thread signs
 * with a signer of its own, initialised once: a signature then costs one fixed-point
 * multiplication.
 */
final class SoftwareSigningKey implements SigningKey {

	private final String keyId;

	private final KeyAlgorithm algorithm;

	private final ThreadLocal<Signer> signers;

	SoftwareSigningKey(String keyId, KeyAlgorithm algorithm, PrivateKey key) {
		this.keyId = keyId;
		this.algorithm = algorithm;
		this.signers = ThreadLocal.withInitial(() -> EcCrypto.signer(algorithm, key));
	}

	@Override
	public String keyId() {
		return this.keyId;
	}

	@Override
	public KeyAlgorithm algorithm() {
		return this.algorithm;
	}

	@Override
	public byte[] sign(byte[] data) {
		Signer signer = this.signers.get();
		signer.update(data, 0, data.length);
		try {
			return signer.generateSignature();
		}
		catch (CryptoException ex) {
			throw new IllegalStateException("cannot sign", ex);
		}
	}

}
