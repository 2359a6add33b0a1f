package org.shutong.audit.checkpoint.web;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.shutong.audit.checkpoint.Checkpoint;
import org.shutong.audit.checkpoint.CheckpointKey;
import org.shutong.audit.checkpoint.CheckpointStore;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log's signed checkpoints and the key that signs them, open to anyone: an outside
 * party needs nothing else, with the proofs, to check the log.
 */
@RestController
class CheckpointController {

	private final CheckpointStore checkpoints;

	private final CheckpointKey key;

	CheckpointController(CheckpointStore checkpoints, CheckpointKey key) {
		this.checkpoints = checkpoints;
		this.key = key;
	}

	@GetMapping("/api/audit/checkpoints/latest")
	CheckpointView latest() {
		return CheckpointView.of(latestCheckpoint());
	}

	@GetMapping("/api/audit/checkpoints/{treeSize}")
	CheckpointView ofSize(@PathVariable long treeSize) {
		return CheckpointView.of(this.checkpoints.ofSize(treeSize)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND,
					"No checkpoint was signed at tree size " + treeSize)));
	}

	/**
	 * The latest checkpoint as the plain signed note that transparency-log tools read.
	 */
	@GetMapping(path = "/api/audit/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	String note() {
		return latestCheckpoint().note();
	}

	@GetMapping("/api/audit/public-key")
	PublicKeyView publicKey() {
		byte[] info = this.key.publicKeyInfo();
		String base64 = Base64.getEncoder().encodeToString(info);
		return new PublicKeyView(this.key.name(), HexFormat.of().formatHex(this.key.keyId()), "ECDSA P-256 SHA-256", 2,
				base64,
				"-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(info)
						+ "\n-----END PUBLIC KEY-----\n");
	}

	private Checkpoint latestCheckpoint() {
		return this.checkpoints.latest()
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No checkpoint has been signed yet"));
	}

	/**
	 * @param keyId hex of the signed-note key ID
	 * @param signature base64 of the DER ECDSA signature over the note text
	 */
	record CheckpointView(long treeSize, String rootHash, Instant timestamp, String keyId, String signature,
			String note) {

		static CheckpointView of(Checkpoint checkpoint) {
			return new CheckpointView(checkpoint.treeSize(), Base64.getEncoder().encodeToString(checkpoint.rootHash()),
					checkpoint.timestamp(), HexFormat.of().formatHex(checkpoint.keyId()),
					Base64.getEncoder().encodeToString(checkpoint.signature()), checkpoint.note());
		}

	}

	/**
	 * @param name the key name in the signature lines
	 * @param signatureType the C2SP signed-note signature type
	 * @param publicKey base64 of the DER SubjectPublicKeyInfo
	 */
	record PublicKeyView(String name, String keyId, String algorithm, int signatureType, String publicKey, String pem) {
	}

}
