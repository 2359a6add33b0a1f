package org.shutong.certificate.issuance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.Openssl;
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
		verifyWithOpenssl(null, "SM2", Openssl.SM2);
	}

	@Test
	void openSslVerifiesAnEs256SignatureWithThePublishedKey() throws Exception {
		verifyWithOpenssl("ES256", "P-256", Openssl.ES256);
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
		Files.writeString(pem, Openssl.pem(jwk));
		Path signature = this.dir.resolve("signature.der");
		Files.write(signature, Base64.getDecoder().decode(certificate.path("signature").path("value").stringValue()));

		Path data = this.dir.resolve("data.json");
		Files.write(data, signedBytes(certificate));
		assertThat(Openssl.verifies(pem, data, signature, digestOptions)).as("genuine").isTrue();

		ObjectNode changedField = certificate.deepCopy();
		((ObjectNode) changedField.path("fields")).put("address", "杭州市上城区");
		Files.write(data, signedBytes(changedField));
		assertThat(Openssl.verifies(pem, data, signature, digestOptions)).as("changed field").isFalse();

		byte[] changedByte = signedBytes(certificate);
		changedByte[changedByte.length / 2] ^= 1;
		Files.write(data, changedByte);
		assertThat(Openssl.verifies(pem, data, signature, digestOptions)).as("changed byte").isFalse();
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

}
