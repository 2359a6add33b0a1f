package org.shutong.certificate.issuance;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outsider with OpenSSL 3, the issuer's published JWK and the README's rule for the
 * signed document verifies a certificate; a changed field or byte fails.
 */
class SignatureOpensslTests extends CertificateTest {

	@TempDir
	Path dir;

	@Test
	void openSslVerifiesAnSm2SignatureWithThePublishedKey() throws Exception {
		verifyWithOpenssl(null, "SM2", List.of("-digest", "sm3", "-pkeyopt", "distid:1234567812345678"));
	}

	@Test
	void openSslVerifiesAnEs256SignatureWithThePublishedKey() throws Exception {
		verifyWithOpenssl("ES256", "P-256", List.of("-digest", "sha256"));
	}

	private void verifyWithOpenssl(String alg, String crv, List<String> digestOptions) throws Exception {
		CertificateType type = personType(department(), null);
		Map<String, Object> request = request(type, idNumber());
		if (alg != null) {
			request.put("alg", alg);
		}
		ObjectNode certificate = (ObjectNode) this.json.readTree(issue(type, request));

		MvcTestResult keys = get("/api/certificates/issuers/" + type.issuerDepartmentCode() + "/keys", null);
		String keyId = certificate.path("signature").path("keyId").stringValue();
		List<Map<String, String>> matching = read(keys, "$.keys[?(@.kid == '" + keyId + "')]");
		Map<String, String> jwk = matching.get(0);
		assertThat(jwk).containsEntry("crv", crv);
		Path pem = this.dir.resolve("key.pem");
		Files.writeString(pem, pem(spki(jwk)));
		Path signature = this.dir.resolve("signature.der");
		Files.write(signature, Base64.getDecoder().decode(certificate.path("signature").path("value").stringValue()));

		Path data = this.dir.resolve("data.json");
		Files.write(data, signedBytes(certificate));
		assertThat(openssl(pem, data, signature, digestOptions)).as("genuine").isZero();

		ObjectNode changedField = certificate.deepCopy();
		((ObjectNode) changedField.path("fields")).put("address", "杭州市上城区");
		Files.write(data, signedBytes(changedField));
		assertThat(openssl(pem, data, signature, digestOptions)).as("changed field").isNotZero();

		byte[] changedByte = signedBytes(certificate);
		changedByte[changedByte.length / 2] ^= 1;
		Files.write(data, changedByte);
		assertThat(openssl(pem, data, signature, digestOptions)).as("changed byte").isNotZero();
	}

	/**
	 * The README's rule, applied without the service's code: the certificate without
	 * {@code status} and {@code signature}, plus {@code alg} and {@code keyId}, nulls
	 * left out, in RFC 8785 form.
	 */
	private byte[] signedBytes(ObjectNode certificate) throws IOException {
		ObjectNode document = certificate.deepCopy();
		String alg = document.path("signature").path("alg").stringValue();
		String keyId = document.path("signature").path("keyId").stringValue();
		document.remove("status");
		document.remove("signature");
		document.put("alg", alg);
		document.put("keyId", keyId);
		List<String> nulls = new ArrayList<>();
		document.properties().forEach((member) -> {
			if (member.getValue().isNull()) {
				nulls.add(member.getKey());
			}
		});
		document.remove(nulls);
		return new JsonCanonicalizer(this.json.writeValueAsString(document)).getEncodedString()
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] spki(Map<String, String> jwk) throws Exception {
		String curve = "SM2".equals(jwk.get("crv")) ? "sm2p256v1" : "secp256r1";
		ECNamedCurveParameterSpec parameters = ECNamedCurveTable.getParameterSpec(curve);
		ECNamedCurveSpec spec = new ECNamedCurveSpec(curve, parameters.getCurve(), parameters.getG(), parameters.getN(),
				parameters.getH());
		ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("x"))),
				new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y"))));
		PublicKey key = KeyFactory.getInstance("EC", new BouncyCastleProvider())
			.generatePublic(new ECPublicKeySpec(point, spec));
		return key.getEncoded();
	}

	private static String pem(byte[] spki) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(spki)
				+ "\n-----END PUBLIC KEY-----\n";
	}

	private static int openssl(Path pem, Path data, Path signature, List<String> digestOptions) throws Exception {
		List<String> command = new ArrayList<>(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
				pem.toString(), "-rawin", "-in", data.toString(), "-sigfile", signature.toString()));
		command.addAll(digestOptions);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return process.exitValue() == 0 && output.contains("Signature Verified Successfully") ? 0 : 1;
	}

}
