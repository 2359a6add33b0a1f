package org.shutong.certificate.key;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeySealerTests {

	private final byte[] master = new byte[32];

	private final byte[] pkcs8 = EcCrypto.generate(KeyAlgorithm.SM2).getPrivate().getEncoded();

	@Test
	void opensWhatItSealedAndHidesIt() {
		KeySealer sealer = new KeySealer(this.master);
		byte[] sealed = sealer.seal("k1", this.pkcs8);
		assertThat(sealer.open("k1", sealed)).isEqualTo(this.pkcs8);
		// Nonce, ciphertext, tag: nothing of the key shows.
		assertThat(indexOf(sealed, Arrays.copyOfRange(this.pkcs8, this.pkcs8.length - 16, this.pkcs8.length)))
			.isNegative();
		assertThat(sealer.seal("k1", this.pkcs8)).isNotEqualTo(sealed);
	}

	@Test
	void aSealedKeyMovedToAnotherRowDoesNotOpen() {
		KeySealer sealer = new KeySealer(this.master);
		byte[] sealed = sealer.seal("k1", this.pkcs8);
		assertThatIllegalStateException().isThrownBy(() -> sealer.open("k2", sealed));
	}

	@Test
	void anotherMasterKeyDoesNotOpen() {
		byte[] sealed = new KeySealer(this.master).seal("k1", this.pkcs8);
		byte[] other = new byte[32];
		other[0] = 1;
		assertThatIllegalStateException().isThrownBy(() -> new KeySealer(other).open("k1", sealed))
			.withMessageContaining("master-key");
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

}
