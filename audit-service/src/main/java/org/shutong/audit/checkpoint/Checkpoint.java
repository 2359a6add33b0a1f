package org.shutong.audit.checkpoint;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A signed tree head as a C2SP {@code tlog-checkpoint} signed note:
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size&gt;
 * &lt;base64 root hash&gt;
 * time &lt;ISO-8601 UTC instant&gt;
 *
 * — &lt;origin&gt; &lt;base64(4-byte key ID || DER ECDSA signature)&gt;
 * </pre>
 *
 * The signature covers the note text, the first four lines with their newlines; the
 * {@code time} line is an extension line, which checkpoint readers that do not know it
 * skip.
 *
 * @param note the whole signed note, text and signature line
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant timestamp, byte[] keyId, byte[] signature,
		String note) {

	static final String SIGNATURE_PREFIX = "\u2014 ";

	static Checkpoint sign(CheckpointKey key, long treeSize, byte[] rootHash, Instant timestamp) {
		String text = text(key.name(), treeSize, rootHash, timestamp);
		byte[] signature = key.sign(text);
		byte[] keyId = key.keyId();
		String signatureLine = SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(keyId.length + signature.length).put(keyId).put(signature).array())
				+ "\n";
		return new Checkpoint(treeSize, rootHash, timestamp, keyId, signature, text + "\n" + signatureLine);
	}

	static String text(String origin, long treeSize, byte[] rootHash, Instant timestamp) {
		return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\ntime " + timestamp
				+ "\n";
	}

	/** Reads back a note this log signed; the signature is not checked here. */
	public static Checkpoint parse(String note) {
		String[] parts = note.split("\n\n", 2);
		String[] lines = parts[0].split("\n");
		String signatureLine = parts[1].strip();
		byte[] keyAndSignature = Base64.getDecoder()
			.decode(signatureLine.substring(signatureLine.lastIndexOf(' ') + 1));
		return new Checkpoint(Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]),
				Instant.parse(lines[3].substring("time ".length())), Arrays.copyOf(keyAndSignature, 4),
				Arrays.copyOfRange(keyAndSignature, 4, keyAndSignature.length), note);
	}

	/** The signed part of the note. */
	public String text() {
		return this.note.substring(0, this.note.indexOf("\n\n") + 1);
	}

}
