package org.shutong.certificate.issuance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.type.CertificateType;
import tools.jackson.databind.node.ObjectNode;

/**
 * One certificate to issue, checked against its type and ready to be numbered and signed.
 *
 * @param idNumber the holder's resident ID number or credit code, never stored as such
 * @param holderReference the holder reference of {@code idNumber}
 */
public record IssueDraft(CertificateType type, String idNumber, String idNumberMasked, String holderName,
		String holderReference, ObjectNode fields, Instant validFrom, @Nullable Instant validUntil,
		KeyAlgorithm algorithm) {

}
