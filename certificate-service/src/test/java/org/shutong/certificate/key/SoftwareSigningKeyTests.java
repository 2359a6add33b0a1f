package org.shutong.certificate.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reused per-thread signers and the prepared verifiers agree with BouncyCastle's JCA
 * signatures, an independent code path: every signature of a run of them verifies there,
 * and what the JCA signs verifies here.
 */
class SoftwareSigningKeyTests {

	@ParameterizedTest
	@EnumSource(KeyAlgorithm.class)
	void successiveSignaturesOnManyThreadsVerifyWithTheJca(KeyAlgorithm algorithm) throws Exception {
		KeyPair pair = EcCrypto.generate(algorithm);
		SoftwareSigningKey key = new SoftwareSigningKey("k", algorithm, pair.getPrivate());
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				byte[] data = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
				results.add(threads.submit(() -> jcaVerifies(algorithm, pair.getPublic(), data, key.sign(data))));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdown();
		}
	}

	@ParameterizedTest
	@EnumSource(KeyAlgorithm.class)
	void theVerifierAcceptsJcaSignaturesAndRefusesChangedOnes(KeyAlgorithm algorithm) throws Exception {
		KeyPair pair = EcCrypto.generate(algorithm);
		EcCrypto.Verifier verifier = EcCrypto.verifier(algorithm, pair.getPublic());
		byte[] data = "{\"id\":\"1.2.156\"}".getBytes(StandardCharsets.UTF_8);
		Signature jca = jca(algorithm);
		jca.initSign(pair.getPrivate());
		jca.update(data);
		byte[] signature = jca.sign();

		assertThat(verifier.verify(data, signature)).isTrue();
		byte[] changed = data.clone();
		changed[3] ^= 1;
		assertThat(verifier.verify(changed, signature)).isFalse();
		assertThat(verifier.verify(data, new byte[] { 0x30, 0x02, 0x01 })).isFalse();
		assertThat(EcCrypto.verifier(algorithm, EcCrypto.generate(algorithm).getPublic()).verify(data, signature))
			.isFalse();
	}

	private static boolean jcaVerifies(KeyAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature)
			throws GeneralSecurityException {
		Signature jca = jca(algorithm);
		jca.initVerify(key);
		jca.update(data);
		return jca.verify(signature);
	}

	private static Signature jca(KeyAlgorithm algorithm) throws GeneralSecurityException {
		if (algorithm == KeyAlgorithm.P256) {
			return Signature.getInstance("SHA256withECDSA", EcCrypto.PROVIDER);
		}
		Signature signature = Signature.getInstance("SM3withSM2", EcCrypto.PROVIDER);
		signature.setParameter(new SM2ParameterSpec(EcCrypto.SM2_SIGNER_ID));
		return signature;
	}

}
