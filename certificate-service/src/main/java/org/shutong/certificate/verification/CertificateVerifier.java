package org.shutong.certificate.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.shutong.certificate.key.EcCrypto;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.PublishedKey;

import org.springframework.stereotype.Component;

/**
 * Checks a signature over canonical bytes against an issuer's published key: the key must
 * exist, belong to the issuer, have the signature's algorithm and have been signing at
 * the certificate's issue time. Whatever carries the bytes (a certificate's JSON, a
 * compact QR payload, an annotated copy) reduces to this.
 *
 * Keys found are kept for {@link #KEPT} with their verifiers ready, so a verification
 * costs no key lookup; a key retired meanwhile by another instance is seen as retired
 * after that at the latest. Unknown key ids are not kept.
 */
@Component
public class CertificateVerifier {

	public static final Duration KEPT = Duration.ofSeconds(10);

	private final IssuerKeyStore keys;

	private final Clock clock;

	private final Map<String, KnownKey> known = new ConcurrentHashMap<>();

	CertificateVerifier(IssuerKeyStore keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * @return {@code VALID} when the signature holds, otherwise {@code UNKNOWN_KEY} or
	 * {@code BAD_SIGNATURE}
	 */
	public VerificationStatus check(byte[] canonical, String alg, String keyId, byte[] signature,
			String issuerDepartmentCode, Instant issuedAt) {
		Optional<KeyAlgorithm> algorithm = KeyAlgorithm.bySignatureName(alg);
		Optional<KnownKey> found = key(keyId);
		if (algorithm.isEmpty() || found.isEmpty()) {
			return VerificationStatus.UNKNOWN_KEY;
		}
		PublishedKey key = found.get().key();
		if (key.algorithm() != algorithm.get() || !key.departmentCode().equals(issuerDepartmentCode)
				|| !key.signedAt(issuedAt)) {
			return VerificationStatus.UNKNOWN_KEY;
		}
		return found.get().verifier().verify(canonical, signature) ? VerificationStatus.VALID
				: VerificationStatus.BAD_SIGNATURE;
	}

	private Optional<KnownKey> key(String keyId) {
		Instant now = this.clock.instant();
		KnownKey kept = this.known.get(keyId);
		if (kept != null && now.isBefore(kept.until())) {
			return Optional.of(kept);
		}
		Optional<KnownKey> found = this.keys.find(keyId)
			.map((key) -> new KnownKey(key, EcCrypto.verifier(key.algorithm(), key.publicKey()), now.plus(KEPT)));
		found.ifPresentOrElse((key) -> this.known.put(keyId, key), () -> this.known.remove(keyId));
		return found;
	}

	private record KnownKey(PublishedKey key, EcCrypto.Verifier verifier, Instant until) {
	}

}
