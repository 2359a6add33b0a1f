package org.shutong.gateway.web.auditor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The audit log's checkpoint as a C2SP {@code tlog-checkpoint} signed note, read and
 * checked with the JDK alone: the text is everything up to and including the newline
 * before the blank line (origin, tree size, base64 root hash, extension lines); a
 * signature line is an em dash, the key name and base64 of the 4-byte key ID followed by
 * a DER ECDSA P-256 / SHA-256 signature of the text (signed-note type {@code 0x02}). The
 * key ID is the first four bytes of SHA-256 of the public key's DER SubjectPublicKeyInfo.
 *
 * @param origin the log's name, the note's first line
 * @param treeSize how many leaves the tree had
 * @param rootHash the tree's root
 */
record CheckpointNote(String origin, long treeSize, byte[] rootHash) {

	private static final String SIGNATURE_PREFIX = "\u2014 ";

	/**
	 * The tree head the note commits to, if a signature by this key (name and DER public
	 * key) verifies over its text; empty when the note is malformed or not so signed.
	 */
	static Optional<CheckpointNote> verified(String note, String keyName, byte[] publicKeyInfo) {
		try {
			int blank = note.indexOf("\n\n");
			if (blank < 0) {
				return Optional.empty();
			}
			String text = note.substring(0, blank + 1);
			String[] lines = text.split("\n");
			if (lines.length < 3 || !lines[0].equals(keyName)) {
				return Optional.empty();
			}
			long treeSize = Long.parseLong(lines[1]);
			byte[] rootHash = Base64.getDecoder().decode(lines[2]);
			if (treeSize < 0 || rootHash.length != InclusionProof.HASH_SIZE) {
				return Optional.empty();
			}
			byte[] keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(publicKeyInfo), 4);
			PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeyInfo));
			String prefix = SIGNATURE_PREFIX + keyName + " ";
			for (String line : note.substring(blank + 2).split("\n")) {
				if (!line.startsWith(prefix)) {
					continue;
				}
				byte[] signed = Base64.getDecoder().decode(line.substring(prefix.length()).strip());
				if (signed.length <= 4 || !Arrays.equals(Arrays.copyOf(signed, 4), keyId)) {
					continue;
				}
				Signature ecdsa = Signature.getInstance("SHA256withECDSA");
				ecdsa.initVerify(key);
				ecdsa.update(text.getBytes(StandardCharsets.UTF_8));
				if (ecdsa.verify(Arrays.copyOfRange(signed, 4, signed.length))) {
					return Optional.of(new CheckpointNote(lines[0], treeSize, rootHash));
				}
			}
			return Optional.empty();
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// A bad signature encoding, key or number is simply not a verified note.
			return Optional.empty();
		}
	}

}
