package org.shutong.certificate.verification;

/**
 * What a verification found, worst first: a bad signature or unknown key says nothing
 * about the certificate's status.
 */
public enum VerificationStatus {

	VALID, REVOKED, SUSPENDED, EXPIRED, NOT_YET_VALID, UNKNOWN_KEY, BAD_SIGNATURE

}
