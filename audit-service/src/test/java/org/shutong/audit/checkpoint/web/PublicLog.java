package org.shutong.audit.checkpoint.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.checkpoint.web.CheckpointNotes.TreeHead;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log as an outside party sees it: its HTTP API, with checkpoints checked against the
 * published key before they are believed.
 */
final class PublicLog {

	static final String ORIGIN = "shutong.local/audit";

	private static final Duration CHECKPOINT_WAIT = Duration.ofSeconds(10);

	private final MockMvcTester mvc;

	private final ObjectMapper json;

	PublicLog(MockMvcTester mvc, ObjectMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** Waits for a signed checkpoint that includes {@code leafIndex}, and checks it. */
	TreeHead signedHeadCovering(long leafIndex) throws Exception {
		Instant deadline = Instant.now().plus(CHECKPOINT_WAIT);
		while (true) {
			TreeHead head = CheckpointNotes.verify(get("/api/audit/checkpoints/latest").get("note").asString(), ORIGIN,
					publicKey());
			if (head.size() > leafIndex) {
				return head;
			}
			assertThat(Instant.now()).as("a checkpoint covering leaf " + leafIndex).isBefore(deadline);
			Thread.sleep(50);
		}
	}

	byte[] publicKey() {
		JsonNode key = get("/api/audit/public-key");
		assertThat(key.get("name").asString()).isEqualTo(ORIGIN);
		assertThat(key.get("signatureType").asInt()).isEqualTo(2);
		return Base64.getDecoder().decode(key.get("publicKey").asString());
	}

	byte[] leaf(long leafIndex, String auditorToken) {
		return Base64.getDecoder().decode(get("/api/audit/leaves/" + leafIndex, auditorToken).get("leaf").asString());
	}

	List<byte[]> inclusionProof(long leafIndex, long treeSize) {
		return hashes(get("/api/audit/proofs/inclusion?leafIndex=" + leafIndex + "&treeSize=" + treeSize), "auditPath");
	}

	List<byte[]> consistencyProof(long from, long to) {
		return hashes(get("/api/audit/proofs/consistency?from=" + from + "&to=" + to), "proof");
	}

	JsonNode get(String uri) {
		return get(uri, null);
	}

	JsonNode get(String uri, @Nullable String token) {
		var request = this.mvc.get().uri(uri);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static List<byte[]> hashes(JsonNode body, String field) {
		List<byte[]> hashes = new ArrayList<>();
		body.get(field).forEach((hash) -> hashes.add(Base64.getDecoder().decode(hash.asString())));
		return hashes;
	}

}
