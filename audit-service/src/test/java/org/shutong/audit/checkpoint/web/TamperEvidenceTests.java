package org.shutong.audit.checkpoint.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.checkpoint.web.CheckpointNotes.TreeHead;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.tree.Rfc9162Reference;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

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

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private AuditLog log;

	@Autowired
	private JdbcTemplate jdbc;

	private PublicLog publicLog;

	@BeforeEach
	void publicLog() {
		this.publicLog = new PublicLog(this.mvc, this.json);
	}

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void aChangedEventNoLongerMatchesItsInclusionProof() throws Exception {
		Appended target = this.log.append(AuditEvents.queries(4)).get(1);
		TreeHead head = this.publicLog.signedHeadCovering(target.leafIndex() + 2);
		byte[] original = leaf(target.leafIndex());
		assertThat(included(original, target.leafIndex(), head)).isTrue();

		byte[] rewritten = new String(original, StandardCharsets.UTF_8).replace("婚姻登记", "例行检查")
			.getBytes(StandardCharsets.UTF_8);
		this.jdbc.update("UPDATE audit_event SET leaf = ? WHERE leaf_index = ?", rewritten, target.leafIndex());

		assertThat(leaf(target.leafIndex())).isEqualTo(rewritten);
		assertThat(included(rewritten, target.leafIndex(), head)).isFalse();
	}

	@Test
	void aReplacedEventBreaksConsistencyWithTheCheckpointSignedBefore() throws Exception {
		Appended last = this.log.append(AuditEvents.queries(3)).get(2);
		TreeHead before = this.publicLog.signedHeadCovering(last.leafIndex());
		assertThat(before.size()).isEqualTo(last.leafIndex() + 1);

		// Remove the last event and every complete subtree holding it, then let the
		// service append a different event in its place, and more after it.
		this.jdbc.update("DELETE FROM audit_event WHERE leaf_index = ?", last.leafIndex());
		for (int level = 0; level < 63; level++) {
			this.jdbc.update("DELETE FROM tree_node WHERE level = ? AND node_index = ?", level,
					last.leafIndex() >>> level);
		}
		List<Appended> replacement = this.log.append(AuditEvents.queries(2));
		assertThat(replacement.get(0).leafIndex()).isEqualTo(last.leafIndex());
		TreeHead after = this.publicLog.signedHeadCovering(replacement.get(1).leafIndex());

		List<byte[]> proof = this.publicLog.consistencyProof(before.size(), after.size());
		assertThat(Rfc9162Reference.verifyConsistency(before.size(), after.size(), before.rootHash(), after.rootHash(),
				proof))
			.isFalse();
	}

	private boolean included(byte[] leaf, long leafIndex, TreeHead head) {
		return Rfc9162Reference.verifyInclusion(Rfc9162Reference.leafHash(leaf), leafIndex, head.size(),
				this.publicLog.inclusionProof(leafIndex, head.size()), head.rootHash());
	}

	private byte[] leaf(long leafIndex) {
		return this.publicLog.leaf(leafIndex, this.gateway.withRole("audit-service", "AUDITOR"));
	}

}
