package org.shutong.certificate.key;

import java.security.PublicKey;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An issuer's public key as the world may know it, current or retired.
 *
 * @param notBefore when the key began to sign
 * @param retiredAt when it stopped signing; it still verifies what it signed before
 */
public record PublishedKey(String keyId, String departmentCode, KeyAlgorithm algorithm, PublicKey publicKey,
		Instant notBefore, @Nullable Instant retiredAt) {

	/** Whether the key was the one signing at {@code instant}. */
	public boolean signedAt(Instant instant) {
		return !instant.isBefore(this.notBefore) && (this.retiredAt == null || instant.isBefore(this.retiredAt));
	}

	public byte[][] coordinates() {
		return EcCrypto.coordinates(this.publicKey);
	}

}
