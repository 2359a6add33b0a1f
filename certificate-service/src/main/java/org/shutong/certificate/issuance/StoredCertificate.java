package org.shutong.certificate.issuance;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.type.HolderKind;

/**
 * An issued certificate as stored: the signed document and the columns queries need.
 *
 * @param status the stored status (never EXPIRED), see {@link #statusAt}
 * @param document the canonical JSON that was signed
 * @param signature the base64 DER signature of {@code document}
 */
public record StoredCertificate(String id, String typeCode, String issuerDepartmentCode, HolderKind holderKind,
		String holderReference, Instant issuedAt, Instant validFrom, @Nullable Instant validUntil,
		CertificateStatus status, String keyId, String algorithm, String document, String signature) {

	/**
	 * The status as of the clock's now: a VALID or SUSPENDED one past its time is
	 * EXPIRED.
	 */
	public CertificateStatus statusAt(Clock clock) {
		if (this.status != CertificateStatus.REVOKED && this.validUntil != null
				&& !clock.instant().isBefore(this.validUntil)) {
			return CertificateStatus.EXPIRED;
		}
		return this.status;
	}

	public StoredCertificate withStatus(CertificateStatus status) {
		return new StoredCertificate(this.id, this.typeCode, this.issuerDepartmentCode, this.holderKind,
				this.holderReference, this.issuedAt, this.validFrom, this.validUntil, status, this.keyId,
				this.algorithm, this.document, this.signature);
	}

}
