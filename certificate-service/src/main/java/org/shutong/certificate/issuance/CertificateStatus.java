package org.shutong.certificate.issuance;

/**
 * A certificate's status. VALID, SUSPENDED and REVOKED are stored; EXPIRED is what a
 * VALID or SUSPENDED certificate past its {@code validUntil} reads as.
 */
public enum CertificateStatus {

	VALID, SUSPENDED, REVOKED, EXPIRED

}
