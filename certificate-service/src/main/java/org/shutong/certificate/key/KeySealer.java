package org.shutong.certificate.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys with AES-256-GCM under the service's master key, bound to the key id
 * so a sealed key cannot be moved to another row.
 */
class KeySealer {

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec masterKey;

	private final SecureRandom random = new SecureRandom();

	KeySealer(byte[] masterKey) {
		this.masterKey = new SecretKeySpec(masterKey, "AES");
	}

	byte[] seal(String keyId, byte[] plaintext) {
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		try {
			byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keyId, nonce).doFinal(plaintext);
			return ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal issuer key " + keyId, ex);
		}
	}

	byte[] open(String keyId, byte[] sealed) {
		try {
			byte[] nonce = new byte[NONCE_LENGTH];
			System.arraycopy(sealed, 0, nonce, 0, NONCE_LENGTH);
			return cipher(Cipher.DECRYPT_MODE, keyId, nonce).doFinal(sealed, NONCE_LENGTH,
					sealed.length - NONCE_LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot open issuer key " + keyId
					+ ": is shutong.certificate.keys.master-key the one it was sealed with?", ex);
		}
	}

	private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.masterKey, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
