package org.shutong.certificate.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.shutong.certificate.authorization.UseAuthorization;
import org.shutong.certificate.issuance.CanonicalJson;
import org.shutong.certificate.issuance.CertificateDocuments;
import org.shutong.certificate.issuance.CertificateStatus;
import org.shutong.certificate.issuance.Sm3;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.SigningKey;
import org.shutong.platform.security.Caller;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Annotated copies (加注件): what a department takes under a use authorisation. The copy
 * holds the certificate's signed members without the issuer's signature value, so it
 * cannot pass for the original, and an annotation naming who took it, when, why and until
 * when, signed by the platform's own SM2 key after the platform checked the original. The
 * annotation binds the certificate by the SM3 digest of its signed bytes.
 */
@Component
public class AnnotatedCopies {

	private final IssuerKeyStore keys;

	private final String platformCode;

	private final Clock clock;

	AnnotatedCopies(IssuerKeyStore keys, @Value("${shutong.certificate.platform-code}") String platformCode,
			Clock clock) {
		this.keys = keys;
		this.platformCode = platformCode;
		this.clock = clock;
	}

	public String platformCode() {
		return this.platformCode;
	}

	ObjectNode annotate(StoredCertificate certificate, CertificateStatus status, UseAuthorization authorization,
			Caller caller, String purpose) {
		ObjectNode copy = CertificateDocuments.view(certificate, status);
		((ObjectNode) copy.get("signature")).remove("value");
		ObjectNode annotation = copy.objectNode();
		annotation.put("certificateId", certificate.id());
		annotation.put("certificateDigest", Sm3.hex(certificate.document().getBytes(StandardCharsets.UTF_8)));
		annotation.put("departmentCode", caller.departmentCode());
		annotation.put("clientId", caller.clientId());
		annotation.put("serviceItemCode", authorization.serviceItemCode());
		annotation.put("purpose", purpose);
		annotation.put("authorizationId", authorization.id());
		annotation.put("takenAt", this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
		annotation.put("usableUntil", authorization.validUntil().toString());
		annotation.put("notice", "仅供办理事项 " + authorization.serviceItemCode() + " 使用，他用无效 (for this service item only)");
		SigningKey key = this.keys.current(this.platformCode, KeyAlgorithm.SM2);
		ObjectNode signature = annotation.objectNode();
		signature.put("alg", key.algorithm().signatureName());
		signature.put("keyId", key.keyId());
		signature.put("signerCode", this.platformCode);
		signature.put("value", Base64.getEncoder().encodeToString(key.sign(CanonicalJson.bytes(annotation))));
		ObjectNode annotated = copy.objectNode();
		annotated.set("certificate", copy);
		annotated.set("annotation", annotation);
		annotated.set("annotationSignature", signature);
		return annotated;
	}

}
