package org.shutong.audit.checkpoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/**
 * The audit log's ECDSA P-256 key, which signs its checkpoints. The private scalar comes
 * from 32 secret bytes (reduced into the curve's range), so the key is kept like any
 * other platform secret; the public point is derived from it.
 *
 * <p>
 * In signed-note terms it is a signature of type {@code 0x02} (ECDSA, as
 * transparency-dev/witness implements it): its key ID is the first four bytes of the
 * SHA-256 of the public key's DER SubjectPublicKeyInfo.
 */
public final class CheckpointKey {

	private static final String CURVE = "secp256r1";

	private final String name;

	private final PrivateKey privateKey;

	private final ECPublicKey publicKey;

	private final byte[] keyId;

	/**
	 * @param name the key name of the signed note: the log's origin
	 * @param secret 32 secret bytes
	 */
	public CheckpointKey(String name, byte[] secret) {
		try {
			ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec(CURVE);
			BigInteger order = curve.getN();
			BigInteger scalar = new BigInteger(1, secret).mod(order.subtract(BigInteger.ONE)).add(BigInteger.ONE);
			ECParameterSpec parameters = new ECNamedCurveSpec(CURVE, curve.getCurve(), curve.getG(), order,
					curve.getH());
			org.bouncycastle.math.ec.ECPoint point = curve.getG().multiply(scalar).normalize();
			KeyFactory keys = KeyFactory.getInstance("EC");
			this.name = name;
			this.privateKey = keys.generatePrivate(new ECPrivateKeySpec(scalar, parameters));
			this.publicKey = (ECPublicKey) keys.generatePublic(new ECPublicKeySpec(
					new ECPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger()),
					parameters));
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
