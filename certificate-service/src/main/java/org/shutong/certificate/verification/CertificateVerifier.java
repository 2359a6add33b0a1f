package org.shutong.certificate.verification;

import java.time.Instant;
import java.util.Optional;

import org.shutong.certificate.key.EcCrypto;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.PublishedKey;

import org.springframework.stereotype.Component;

/**
 * Checks a signature over canonical bytes against an issuer's published key: the key must
 * exist, belong to the issuer, have the signature's algorithm and have been signing at
 * the certificate's issue time. Whatever carries the bytes (a certificate's JSON now, a
 * compact QR payload later) reduces to this.
 */
@Component
public class CertificateVerifier {

	private final IssuerKeyStore keys;

	CertificateVerifier(IssuerKeyStore keys) {
		this.keys = keys;
	}

	/**
	 * @return {@code VALID} when the signature holds, otherwise {@code UNKNOWN_KEY} or
	 * {@code BAD_SIGNATURE}
	 */
	public VerificationStatus check(byte[] canonical, String alg, String keyId, byte[] signature,
			String issuerDepartmentCode, Instant issuedAt) {
		Optional<KeyAlgorithm> algorithm = KeyAlgorithm.bySignatureName(alg);
		Optional<PublishedKey> key = this.keys.find(keyId);
		if (algorithm.isEmpty() || key.isEmpty() || key.get().algorithm() != algorithm.get()
				|| !key.get().departmentCode().equals(issuerDepartmentCode) || !key.get().signedAt(issuedAt)) {
			return VerificationStatus.UNKNOWN_KEY;
		}
		return EcCrypto.verify(algorithm.get(), key.get().publicKey(), canonical, signature) ? VerificationStatus.VALID
				: VerificationStatus.BAD_SIGNATURE;
	}

}
