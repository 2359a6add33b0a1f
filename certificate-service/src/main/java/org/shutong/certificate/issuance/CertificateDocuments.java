package org.shutong.certificate.issuance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.shutong.certificate.key.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and signs a certificate's document, and renders a stored certificate as the API
 * returns it.
 */
public final class CertificateDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CertificateDocuments() {
	}

	static StoredCertificate sign(IssueDraft draft, String id, Instant issuedAt, SigningKey key) {
		ObjectNode holder = JSON.createObjectNode();
		holder.put("kind", draft.type().holderKind().name());
		holder.put("name", draft.holderName());
		holder.put("idNumberMasked", draft.idNumberMasked());
		holder.put("idNumberDigest", idNumberDigest(id, draft.idNumber()));
		ObjectNode certificate = JSON.createObjectNode();
		certificate.put("id", id);
		certificate.put("typeCode", draft.type().code());
		certificate.put("issuerDepartmentCode", draft.type().issuerDepartmentCode());
		certificate.set("holder", holder);
		certificate.set("fields", draft.fields());
		certificate.put("issuedAt", issuedAt.toString());
		certificate.put("validFrom", draft.validFrom().toString());
		if (draft.validUntil() != null) {
			certificate.put("validUntil", draft.validUntil().toString());
		}
		ObjectNode document = CanonicalJson.signedDocument(certificate, key.algorithm().signatureName(), key.keyId());
		byte[] canonical = CanonicalJson.bytes(document);
		String signature = Base64.getEncoder().encodeToString(key.sign(canonical));
		return new StoredCertificate(id, draft.type().code(), draft.type().issuerDepartmentCode(),
				draft.type().holderKind(), draft.holderReference(), issuedAt, draft.validFrom(), draft.validUntil(),
				CertificateStatus.VALID, key.keyId(), key.algorithm().signatureName(),
				new String(canonical, StandardCharsets.UTF_8), signature);
	}

	/**
	 * Binds the holder's full ID number to one certificate without showing it: the
	 * lower-case hex SM3 digest of {@code <certificate id>|<ID number>}.
	 */
	public static String idNumberDigest(String certificateId, String idNumber) {
		return Sm3.hex((certificateId + "|" + idNumber).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The certificate as the API returns it: the signed members, {@code status} and
	 * {@code signature: {alg, keyId, value}}.
	 */
	public static ObjectNode view(StoredCertificate stored, CertificateStatus status) {
		ObjectNode document = CanonicalJson.parse(stored.document());
		ObjectNode view = JSON.createObjectNode();
		for (String name : CanonicalJson.SIGNED) {
			JsonNode value = document.get(name);
			if (value != null) {
				view.set(name, value);
			}
			else {
				view.putNull(name);
			}
		}
		view.put("status", status.name());
		ObjectNode signature = view.putObject("signature");
		signature.put("alg", stored.algorithm());
		signature.put("keyId", stored.keyId());
		signature.put("value", stored.signature());
		return view;
	}

}
