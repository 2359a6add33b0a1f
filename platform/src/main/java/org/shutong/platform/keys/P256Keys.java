package org.shutong.platform.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/**
 * ECDSA P-256 key pairs made from 32 secret bytes (see {@link KeyMaterial}), so a signing
 * key is kept like any other platform secret and every instance of a service derives the
 * same pair: the private scalar is the secret reduced into the curve's range, the public
 * point is derived from it.
 */
public final class P256Keys {

	private static final String CURVE = "secp256r1";

	private P256Keys() {
	}

	public static KeyPair fromSecret(byte[] secret) {
		try {
			ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec(CURVE);
			BigInteger order = curve.getN();
			BigInteger scalar = new BigInteger(1, secret).mod(order.subtract(BigInteger.ONE)).add(BigInteger.ONE);
			ECParameterSpec parameters = new ECNamedCurveSpec(CURVE, curve.getCurve(), curve.getG(), order,
					curve.getH());
			org.bouncycastle.math.ec.ECPoint point = curve.getG().multiply(scalar).normalize();
			KeyFactory keys = KeyFactory.getInstance("EC");
			ECPrivateKey privateKey = (ECPrivateKey) keys.generatePrivate(new ECPrivateKeySpec(scalar, parameters));
			ECPublicKey publicKey = (ECPublicKey) keys.generatePublic(new ECPublicKeySpec(
					new ECPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger()),
					parameters));
			return new KeyPair(publicKey, privateKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot make a P-256 key", ex);
		}
	}

}
