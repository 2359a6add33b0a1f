package org.shutong.audit.checkpoint.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.checkpoint.web.CheckpointNotes.TreeHead;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.tree.Rfc9162Reference;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database changes the log behind the service's back
 * (here H2's owner; on MySQL the service's own user could not). What they did shows in
 * the proofs checked against checkpoints signed before.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tampered-audit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TamperEvidenceTests {

	private static final String ORIGIN = "shutong.local/audit";

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private AuditLog log;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void aChangedEventNoLongerMatchesItsInclusionProof() throws Exception {
		Appended target = append(4).get(1);
		TreeHead head = signedHeadCovering(target.leafIndex() + 2);
		byte[] original = leaf(target.leafIndex());
		assertThat(included(original, target.leafIndex(), head)).isTrue();

		byte[] rewritten = new String(original, StandardCharsets.UTF_8).replace("婚姻登记", "例行检查")
			.getBytes(StandardCharsets.UTF_8);
		this.jdbc.update("UPDATE audit_event SET leaf = ?, purpose = ? WHERE leaf_index = ?", rewritten, "例行检查",
				target.leafIndex());

		assertThat(leaf(target.leafIndex())).isEqualTo(rewritten);
		assertThat(included(rewritten, target.leafIndex(), head)).isFalse();
	}

	@Test
	void aReplacedEventBreaksConsistencyWithTheCheckpointSignedBefore() throws Exception {
		Appended last = append(3).get(2);
		TreeHead before = signedHeadCovering(last.leafIndex());
		assertThat(before.size()).isEqualTo(last.leafIndex() + 1);

		// Remove the last event and every complete subtree holding it, then let the
		// service append a different event in its place, and more after it.
		this.jdbc.update("DELETE FROM audit_event WHERE leaf_index = ?", last.leafIndex());
		for (int level = 0; level < 63; level++) {
			this.jdbc.update("DELETE FROM tree_node WHERE level = ? AND node_index = ?", level,
					last.leafIndex() >>> level);
		}
		List<Appended> replacement = append(2);
		assertThat(replacement.get(0).leafIndex()).isEqualTo(last.leafIndex());
		TreeHead after = signedHeadCovering(replacement.get(1).leafIndex());

		List<byte[]> proof = hashes(
				getJson("/api/audit/proofs/consistency?from=" + before.size() + "&to=" + after.size()), "proof");
		assertThat(Rfc9162Reference.verifyConsistency(before.size(), after.size(), before.rootHash(), after.rootHash(),
				proof))
			.isFalse();
	}

	private boolean included(byte[] leaf, long leafIndex, TreeHead head) {
		List<byte[]> path = hashes(
				getJson("/api/audit/proofs/inclusion?leafIndex=" + leafIndex + "&treeSize=" + head.size()),
				"auditPath");
		return Rfc9162Reference.verifyInclusion(Rfc9162Reference.leafHash(leaf), leafIndex, head.size(), path,
				head.rootHash());
	}

	private List<Appended> append(int count) {
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(AuditEvents.query(UUID.randomUUID(), Instant.now()));
		}
		return this.log.append(events);
	}

	private TreeHead signedHeadCovering(long leafIndex) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		byte[] publicKey = Base64.getDecoder().decode(getJson("/api/audit/public-key").get("publicKey").asString());
		while (true) {
			TreeHead head = CheckpointNotes.verify(getJson("/api/audit/checkpoints/latest").get("note").asString(),
					ORIGIN, publicKey);
			if (head.size() > leafIndex) {
				return head;
			}
			assertThat(Instant.now()).as("a checkpoint covering leaf " + leafIndex).isBefore(deadline);
			Thread.sleep(50);
		}
	}

	private byte[] leaf(long leafIndex) {
		MvcTestResult result = this.mvc.get()
			.uri("/api/audit/leaves/" + leafIndex)
			.header("Authorization", "Bearer " + this.gateway.withRole("audit-service", "AUDITOR"))
			.exchange();
		assertThat(result).hasStatusOk();
		return Base64.getDecoder()
			.decode(this.json.readTree(result.getResponse().getContentAsByteArray()).get("leaf").asString());
	}

	private JsonNode getJson(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static List<byte[]> hashes(JsonNode body, String field) {
		List<byte[]> hashes = new ArrayList<>();
		body.get(field).forEach((hash) -> hashes.add(Base64.getDecoder().decode(hash.asString())));
		return hashes;
	}

}
