package org.shutong.audit.checkpoint.web;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads and checks a checkpoint as an outside party would, with the JDK alone and the
 * C2SP signed-note and tlog-checkpoint specifications: the text is everything up to the
 * blank line, a signature line is an em dash, the key name and base64 of the 4-byte key
 * ID (SHA-256 of the public key's SubjectPublicKeyInfo, for ECDSA) followed by the
 * signature.
 */
final class CheckpointNotes {

	private CheckpointNotes() {
	}

	/**
	 * @return the tree size and root hash the note commits to, if a signature by this key
	 * verifies
	 * @throws AssertionError if the note is malformed or no signature by the key verifies
	 */
	static TreeHead verify(String note, String origin, byte[] publicKeyInfo) throws Exception {
		int blank = note.indexOf("\n\n");
		if (blank < 0) {
			throw new AssertionError("no blank line between text and signatures");
		}
		String text = note.substring(0, blank + 1);
		String[] lines = text.split("\n");
		if (!lines[0].equals(origin)) {
			throw new AssertionError("origin " + lines[0] + " is not " + origin);
		}
		byte[] keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(publicKeyInfo), 4);
		PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeyInfo));
		for (String line : note.substring(blank + 2).split("\n")) {
			String prefix = "\u2014 " + origin + " ";
			if (!line.startsWith(prefix)) {
				continue;
			}
			byte[] signed = Base64.getDecoder().decode(line.substring(prefix.length()));
			if (!Arrays.equals(Arrays.copyOf(signed, 4), keyId)) {
				continue;
			}
			Signature ecdsa = Signature.getInstance("SHA256withECDSA");
			ecdsa.initVerify(key);
			ecdsa.update(text.getBytes(StandardCharsets.UTF_8));
			if (!ecdsa.verify(Arrays.copyOfRange(signed, 4, signed.length))) {
				throw new AssertionError("the signature by " + origin + " does not verify");
			}
			return new TreeHead(Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
		}
		throw new AssertionError("no signature by " + origin + " with key ID " + Arrays.toString(keyId));
	}

	record TreeHead(long size, byte[] rootHash) {
	}

}
