package org.shutong.audit.checkpoint.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.audit.AuditEvents;
import org.shutong.audit.checkpoint.web.CheckpointNotes.TreeHead;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.tree.Rfc9162Reference;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks the log from outside, through its public API only, with an RFC 9162 verifier
 * written from the RFC and a signed-note reader written from the C2SP specifications.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LogVerificationTests {

	private static final String AUDIENCE = "audit-service";

	private final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private AuditLog log;

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
	void everyLoggedEventIsProvablyInTheSignedTree() throws Exception {
		List<Appended> appended = this.log.append(AuditEvents.queries(7));
		long last = appended.get(appended.size() - 1).leafIndex();

		TreeHead head = this.publicLog.signedHeadCovering(last);

		for (Appended event : appended) {
			byte[] leaf = this.publicLog.leaf(event.leafIndex(), auditor());
			assertThat(this.json.readTree(leaf).get("eventId").asString()).isEqualTo(event.eventId().toString());
			List<byte[]> path = this.publicLog.inclusionProof(event.leafIndex(), head.size());
			assertThat(Rfc9162Reference.verifyInclusion(Rfc9162Reference.leafHash(leaf), event.leafIndex(), head.size(),
					path, head.rootHash()))
				.isTrue();
		}
	}

	@Test
	void eachCheckpointIsConsistentWithTheOneBefore() throws Exception {
		TreeHead first = this.publicLog.signedHeadCovering(this.log.append(AuditEvents.queries(3)).get(2).leafIndex());
		TreeHead second = this.publicLog.signedHeadCovering(this.log.append(AuditEvents.queries(5)).get(4).leafIndex());

		List<byte[]> proof = this.publicLog.consistencyProof(first.size(), second.size());

		assertThat(Rfc9162Reference.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(),
				proof))
			.isTrue();
	}

	@Test
	void theLatestCheckpointIsServedAsJsonAndAsAPlainSignedNote() throws Exception {
		this.publicLog.signedHeadCovering(this.log.append(AuditEvents.queries(1)).get(0).leafIndex());

		JsonNode latest = this.publicLog.get("/api/audit/checkpoints/latest");
		TreeHead head = CheckpointNotes.verify(latest.get("note").asString(), PublicLog.ORIGIN,
				this.publicLog.publicKey());
		assertThat(latest.get("treeSize").asLong()).isEqualTo(head.size());
		assertThat(Base64.getDecoder().decode(latest.get("rootHash").asString())).isEqualTo(head.rootHash());
		assertThat(latest.get("keyId").asString()).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(this.publicLog.publicKey()), 0, 4));

		MvcTestResult plain = this.mvc.get().uri("/api/audit/checkpoint").exchange();
		assertThat(plain).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN);
		String note = plain.getResponse().getContentAsString(StandardCharsets.UTF_8);
		TreeHead plainHead = CheckpointNotes.verify(note, PublicLog.ORIGIN, this.publicLog.publicKey());
		assertThat(this.publicLog.get("/api/audit/checkpoints/" + plainHead.size()).get("note").asString())
			.isEqualTo(note);
	}

	@Test
	void aCheckpointFromAnotherKeyDoesNotVerify() throws Exception {
		this.publicLog.signedHeadCovering(this.log.append(AuditEvents.queries(1)).get(0).leafIndex());
		String note = this.publicLog.get("/api/audit/checkpoints/latest").get("note").asString();
		String forged = note.replaceFirst("\n\\d+\n", "\n999999999\n");

		assertThat(forged).isNotEqualTo(note);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CheckpointNotes.verify(forged, PublicLog.ORIGIN, this.publicLog.publicKey()))
			.withMessageContaining("does not verify");
	}

	@Test
	void refusesProofsThatTheTreeCannotHave() {
		MvcTestResult beyond = this.mvc.get()
			.uri("/api/audit/proofs/inclusion?leafIndex=5&treeSize=999999999")
			.exchange();
		assertThat(beyond).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(beyond).bodyJson().extractingPath("$.errors[0].field").isEqualTo("treeSize");

		MvcTestResult leafOutside = this.mvc.get().uri("/api/audit/proofs/inclusion?leafIndex=3&treeSize=2").exchange();
		assertThat(leafOutside).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(leafOutside).bodyJson().extractingPath("$.errors[0].field").isEqualTo("leafIndex");

		MvcTestResult backwards = this.mvc.get().uri("/api/audit/proofs/consistency?from=3&to=2").exchange();
		assertThat(backwards).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(backwards).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");

		assertThat(this.mvc.get().uri("/api/audit/proofs/inclusion?leafIndex=one").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/audit/checkpoints/999999999").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void leavesAreForAuditorsOnly() {
		long leafIndex = this.log.append(AuditEvents.queries(1)).get(0).leafIndex();
		assertThat(this.mvc.get().uri("/api/audit/leaves/" + leafIndex).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		for (String role : List.of("CITIZEN", "ADMIN", "DEPT_OPERATOR")) {
			assertThat(this.mvc.get()
				.uri("/api/audit/leaves/" + leafIndex)
				.header("Authorization", "Bearer " + this.gateway.withRole(AUDIENCE, role))
				.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(this.mvc.get()
			.uri("/api/audit/leaves/999999999")
			.header("Authorization", "Bearer " + this.gateway.withRole(AUDIENCE, "AUDITOR"))
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	private String auditor() {
		return this.gateway.withRole(AUDIENCE, "AUDITOR");
	}

}
