package org.shutong.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.shutong.platform.keys.P256Keys;

/**
 * The audit log's ECDSA P-256 key, which signs its checkpoints. It is made from 32 secret
 * bytes ({@link P256Keys}), so it is kept like any other platform secret.
 *
 * <p>
 * In signed-note terms it is a signature of type {@code 0x02} (ECDSA, as
 * transparency-dev/witness implements it): its key ID is the first four bytes of the
 * SHA-256 of the public key's DER SubjectPublicKeyInfo.
 */
public final class CheckpointKey {

	private final String name;

	private final PrivateKey privateKey;

	private final ECPublicKey publicKey;

	private final byte[] keyId;

	/**
	 * @param name the key name of the signed note: the log's origin
	 * @param secret 32 secret bytes
	 */
	public CheckpointKey(String name, byte[] secret) {
		KeyPair pair = P256Keys.fromSecret(secret);
		this.name = name;
		this.privateKey = pair.getPrivate();
		this.publicKey = (ECPublicKey) pair.getPublic();
		try {
			this.keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(this.publicKey.getEncoded()), 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot make the checkpoint key", ex);
		}
	}

	public String name() {
		return this.name;
	}

	public PublicKey publicKey() {
		return this.publicKey;
	}

	/** The DER SubjectPublicKeyInfo of the public key. */
	public byte[] publicKeyInfo() {
		return this.publicKey.getEncoded();
	}

	public byte[] keyId() {
		return this.keyId.clone();
	}

	/** Whether this key signed the checkpoint, as its key ID and signature say. */
	public boolean verifies(Checkpoint checkpoint) {
		if (!Arrays.equals(this.keyId, checkpoint.keyId())) {
			return false;
		}
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initVerify(this.publicKey);
			signature.update(checkpoint.text().getBytes(StandardCharsets.UTF_8));
			return signature.verify(checkpoint.signature());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** A DER ECDSA signature with SHA-256 over the UTF-8 of {@code text}. */
	byte[] sign(String text) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(this.privateKey);
			signature.update(text.getBytes(StandardCharsets.UTF_8));
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a checkpoint", ex);
		}
	}

}
