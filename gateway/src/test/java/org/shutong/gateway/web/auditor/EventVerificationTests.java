package org.shutong.gateway.web.auditor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.gateway.web.auditor.EventVerification.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's check of an event against the log's signed checkpoint, with test vectors
 * computed independently of audit-service: the tree head and audit paths straight from
 * the recursive definitions of RFC 9162 §2.1.1 and §2.1.3.1, and the checkpoint signed as
 * the log's README says (ECDSA P-256 with SHA-256 over the note text, key ID the first
 * four bytes of SHA-256 of the DER public key).
 */
class EventVerificationTests {

	private static final String ORIGIN = "shutong.local/audit";

	private static final int TREE_SIZE = 7;

	private static KeyPair key;

	private static List<byte[]> leafHashes;

	@BeforeAll
	static void logOfSevenEvents() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		key = generator.generateKeyPair();
		leafHashes = new ArrayList<>();
		for (int i = 0; i < TREE_SIZE; i++) {
			leafHashes.add(leafHash(("{\"event\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 3, 4, 5, 6 })
	void anEventCoveredByASignedCheckpointWithTheRightProofIsVerified(int leafIndex) throws Exception {
		EventVerification verification = check(note(TREE_SIZE, root(leafHashes)), leafHashes.get(leafIndex), leafIndex,
				path(leafIndex, leafHashes));

		assertThat(verification.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(verification.checkpointSize()).isEqualTo(TREE_SIZE);
	}

	@Test
	void theOnlyEventOfATreeOfOneIsItsRoot() throws Exception {
		List<byte[]> one = leafHashes.subList(0, 1);
		assertThat(check(note(1, root(one)), one.get(0), 0, List.of()).verdict()).isEqualTo(Verdict.VERIFIED);
	}

	@Test
	void aFlippedBitInTheLeafHashFails() throws Exception {
		byte[] tampered = flip(leafHashes.get(3), 17);
		assertThat(check(note(TREE_SIZE, root(leafHashes)), tampered, 3, path(3, leafHashes)).verdict())
			.isEqualTo(Verdict.FAILED);
	}

	@Test
	void aFlippedBitInTheAuditPathFails() throws Exception {
		List<byte[]> path = new ArrayList<>(path(3, leafHashes));
		path.set(1, flip(path.get(1), 0));
		assertThat(check(note(TREE_SIZE, root(leafHashes)), leafHashes.get(3), 3, path).verdict())
			.isEqualTo(Verdict.FAILED);
	}

	@Test
	void aPathTooShortOrTooLongFails() throws Exception {
		List<byte[]> path = path(3, leafHashes);
		String note = note(TREE_SIZE, root(leafHashes));
		assertThat(check(note, leafHashes.get(3), 3, path.subList(0, path.size() - 1)).verdict())
			.isEqualTo(Verdict.FAILED);
		List<byte[]> longer = new ArrayList<>(path);
		longer.add(leafHashes.get(0));
		assertThat(check(note, leafHashes.get(3), 3, longer).verdict()).isEqualTo(Verdict.FAILED);
	}

	@Test
	void aProofForAnotherIndexFails() throws Exception {
		assertThat(check(note(TREE_SIZE, root(leafHashes)), leafHashes.get(3), 3, path(2, leafHashes)).verdict())
			.isEqualTo(Verdict.FAILED);
	}

	@Test
	void aFlippedBitInTheSignedRootFails() throws Exception {
		// Signed as it is, so only the proof can tell.
		String note = note(TREE_SIZE, flip(root(leafHashes), 255));
		assertThat(check(note, leafHashes.get(3), 3, path(3, leafHashes)).verdict()).isEqualTo(Verdict.FAILED);
	}

	@Test
	void aRootChangedAfterSigningFailsOnTheSignature() throws Exception {
		String note = note(TREE_SIZE, root(leafHashes));
		String otherRoot = Base64.getEncoder().encodeToString(flip(root(leafHashes), 3));
		String tampered = note.replace(Base64.getEncoder().encodeToString(root(leafHashes)), otherRoot);
		EventVerification verification = check(tampered, leafHashes.get(3), 3, path(3, leafHashes));
		assertThat(verification.verdict()).isEqualTo(Verdict.FAILED);
		assertThat(verification.checkpointSize()).as("no checkpoint was accepted").isNull();
	}

	@Test
	void aCheckpointSignedByAnotherKeyFails() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair other = generator.generateKeyPair();
		String note = note(other, ORIGIN, TREE_SIZE, root(leafHashes));
		assertThat(check(note, leafHashes.get(3), 3, path(3, leafHashes)).verdict()).isEqualTo(Verdict.FAILED);
	}

	@Test
	void aCheckpointOfAnotherLogFails() throws Exception {
		String note = note(key, "elsewhere.example/log", TREE_SIZE, root(leafHashes));
		assertThat(check(note, leafHashes.get(3), 3, path(3, leafHashes)).verdict()).isEqualTo(Verdict.FAILED);
	}

	@Test
	void aFlippedBitInTheSignatureFails() throws Exception {
		String note = note(TREE_SIZE, root(leafHashes));
		String line = note.substring(note.indexOf("\n\n") + 2).strip();
		byte[] signed = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
		signed[signed.length - 1] ^= 1;
		String tampered = note.substring(0, note.indexOf("\n\n") + 2) + line.substring(0, line.lastIndexOf(' ') + 1)
				+ Base64.getEncoder().encodeToString(signed) + "\n";
		assertThat(check(tampered, leafHashes.get(3), 3, path(3, leafHashes)).verdict()).isEqualTo(Verdict.FAILED);
	}

	@Test
	void aMalformedNoteFails() {
		assertThat(check("not a note", leafHashes.get(3), 3, List.of()).verdict()).isEqualTo(Verdict.FAILED);
	}

	@Test
	void anEventNewerThanTheCheckpointAwaitsTheNextOne() throws Exception {
		List<byte[]> firstFive = leafHashes.subList(0, 5);
		EventVerification verification = check(note(5, root(firstFive)), leafHashes.get(5), 5, (size) -> {
			throw new AssertionError("no proof is asked for an event the checkpoint does not cover");
		});
		assertThat(verification.verdict()).isEqualTo(Verdict.AWAITING_CHECKPOINT);
		assertThat(verification.checkpointSize()).isEqualTo(5);
	}

	@Test
	void theProofIsAskedForTheSignedTreeSize() throws Exception {
		List<Long> asked = new ArrayList<>();
		check(note(TREE_SIZE, root(leafHashes)), leafHashes.get(2), 2, (size) -> {
			asked.add(size);
			return path(2, leafHashes);
		});
		assertThat(asked).containsExactly((long) TREE_SIZE);
	}

	private static EventVerification check(String note, byte[] leafHash, long leafIndex, List<byte[]> path) {
		return check(note, leafHash, leafIndex, (size) -> path);
	}

	private static EventVerification check(String note, byte[] leafHash, long leafIndex,
			EventVerification.AuditPaths paths) {
		return EventVerification.check(note, ORIGIN, key.getPublic().getEncoded(), leafHash, leafIndex, paths);
	}

	private static String note(long treeSize, byte[] root) throws Exception {
		return note(key, ORIGIN, treeSize, root);
	}

	/** A checkpoint note as the README describes it, signed by this key. */
	private static String note(KeyPair signer, String origin, long treeSize, byte[] root) throws Exception {
		String text = origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(root)
				+ "\ntime 2026-11-23T08:00:00.123456Z\n";
		Signature ecdsa = Signature.getInstance("SHA256withECDSA");
		ecdsa.initSign(signer.getPrivate());
		ecdsa.update(text.getBytes(StandardCharsets.UTF_8));
		byte[] signature = ecdsa.sign();
		byte[] keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(signer.getPublic().getEncoded()), 4);
		byte[] signed = ByteBuffer.allocate(4 + signature.length).put(keyId).put(signature).array();
		return text + "\n\u2014 " + origin + " " + Base64.getEncoder().encodeToString(signed) + "\n";
	}

	/** MTH(D[n]) of RFC 9162 §2.1.1, over leaf hashes. */
	private static byte[] root(List<byte[]> leaves) {
		if (leaves.size() == 1) {
			return leaves.get(0);
		}
		int k = largestPowerOfTwoBelow(leaves.size());
		return node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
	}

	/** PATH(m, D[n]) of RFC 9162 §2.1.3.1. */
	private static List<byte[]> path(int m, List<byte[]> leaves) {
		List<byte[]> path = new ArrayList<>();
		if (leaves.size() == 1) {
			return path;
		}
		int k = largestPowerOfTwoBelow(leaves.size());
		if (m < k) {
			path.addAll(path(m, leaves.subList(0, k)));
			path.add(root(leaves.subList(k, leaves.size())));
		}
		else {
			path.addAll(path(m - k, leaves.subList(k, leaves.size())));
			path.add(root(leaves.subList(0, k)));
		}
		return path;
	}

	private static int largestPowerOfTwoBelow(int n) {
		int k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return k;
	}

	private static byte[] leafHash(byte[] leaf) {
		MessageDigest sha256 = sha256();
		sha256.update((byte) 0x00);
		return sha256.digest(leaf);
	}

	private static byte[] node(byte[] left, byte[] right) {
		MessageDigest sha256 = sha256();
		sha256.update((byte) 0x01);
		sha256.update(left);
		return sha256.digest(right);
	}

	private static byte[] flip(byte[] hash, int bit) {
		byte[] flipped = hash.clone();
		flipped[bit / 8] ^= (byte) (1 << (bit % 8));
		return flipped;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
