package org.shutong.gateway.web.auditor;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Checks an event in the gateway itself rather than taking the log's word: the latest
 * checkpoint's signature with the log's public key, then the event's inclusion proof
 * against the root that checkpoint signs.
 */
@Component
class EventVerifier {

	private final AuditApi audit;

	EventVerifier(AuditApi audit) {
		this.audit = audit;
	}

	EventVerification verify(long leafIndex, String leafHash) {
		Map<String, Object> checkpoint;
		try {
			checkpoint = this.audit.get("/api/audit/checkpoints/latest", Map.of());
		}
		catch (HttpClientErrorException.NotFound none) {
			// The log has signed no checkpoint yet: the first will cover the event.
			return new EventVerification(EventVerification.Verdict.AWAITING_CHECKPOINT, 0L);
		}
		Map<String, Object> key = this.audit.get("/api/audit/public-key", Map.of());
		return EventVerification.check(String.valueOf(checkpoint.get("note")), String.valueOf(key.get("name")),
				decode(key.get("publicKey")), decode(leafHash), leafIndex,
				(treeSize) -> auditPath(leafIndex, treeSize));
	}

	private List<byte[]> auditPath(long leafIndex, long treeSize) {
		Map<String, Object> proof;
		try {
			proof = this.audit.get("/api/audit/proofs/inclusion", Map.of("leafIndex", leafIndex, "treeSize", treeSize));
		}
		catch (HttpClientErrorException refused) {
			// The log cannot prove what its own checkpoint says it holds: not verified.
			return List.of();
		}
		Object path = proof.get("auditPath");
		return (path instanceof List<?> hashes) ? hashes.stream().map(EventVerifier::decode).toList() : List.of();
	}

	private static byte[] decode(Object base64) {
		try {
			return Base64.getDecoder().decode(String.valueOf(base64));
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

}
