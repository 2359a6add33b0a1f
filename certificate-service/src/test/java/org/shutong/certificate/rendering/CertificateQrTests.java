package org.shutong.certificate.rendering;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.DecodeHintType;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.Openssl;
import org.shutong.certificate.type.CertificateType;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateQrTests extends CertificateTest {

	@TempDir
	Path dir;

	@Test
	void theHolderGetsAQrCodeWhosePayloadVerifiesUntilTheCertificateIsRevoked() throws Exception {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");

		MvcTestResult png = get("/api/certificates/" + id + "/qr", citizen(idNumber));

		assertThat(png).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
		String payload = decode(png.getResponse().getContentAsByteArray());
		assertThat(payload).startsWith("SHUTONG-QR1.");
		MvcTestResult verified = verify(payload);
		assertThat(verified).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"valid": true, "status": "VALID", "certificateId": "%s", "typeCode": "%s", "holderNameMasked": "张*"}"""
						.formatted(id, type.code()));

		assertThat(post("/api/certificates/" + id + "/revocation", issuerSystem(type.issuerDepartmentCode()),
				Map.of("reason", "证件信息有误")))
			.hasStatusOk();
		assertThat(verify(payload)).bodyJson().extractingPath("$.status").isEqualTo("REVOKED");
		assertThat(auditEvents(id)).anySatisfy((event) -> {
			assertThat(event.action()).isEqualTo("certificate.read");
			assertThat(event.details()).containsEntry("format", "QR");
		});
		assertProblem(get("/api/certificates/" + id + "/qr", citizen(idNumber())), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void aQrMadeBeforeAKeyRotationStillVerifiesAndAChangedOneDoesNot() throws Exception {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		String payload = decode(
				get("/api/certificates/" + id + "/qr", citizen(idNumber)).getResponse().getContentAsByteArray());

		assertThat(post("/api/certificates/issuers/" + type.issuerDepartmentCode() + "/keys/rotation",
				issuerSystem(type.issuerDepartmentCode()), Map.of()))
			.hasStatus(HttpStatus.CREATED);

		assertThat(verify(payload)).bodyJson().extractingPath("$.status").isEqualTo("VALID");
		String[] parts = payload.substring("SHUTONG-QR1.".length()).split("\\.");
		String statement = new String(Base64.getUrlDecoder().decode(parts[0]));
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(statement.replace("\"validFrom\":\"", "\"validFrom\":\"1").getBytes());
		assertThat(verify("SHUTONG-QR1." + forged + "." + parts[1])).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("BAD_SIGNATURE");
		assertInvalid(verify("SHUTONG-QR1.not-base64!.x"), "qr");
		assertInvalid(verify("https://example.org/"), "qr");
		assertInvalid(post("/api/verify", null, Map.of("qr", 42)), "qr");
	}

	@Test
	void openSslVerifiesTheQrStatementWithThePublishedKeyAlone() throws Exception {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		String payload = decode(
				get("/api/certificates/" + id + "/qr", citizen(idNumber)).getResponse().getContentAsByteArray());
		String[] parts = payload.substring("SHUTONG-QR1.".length()).split("\\.");
		byte[] statement = Base64.getUrlDecoder().decode(parts[0]);
		JsonNode claims = this.json.readTree(statement);
		List<Map<String, String>> keys = read(
				get("/api/certificates/issuers/" + type.issuerDepartmentCode() + "/keys", null),
				"$.keys[?(@.kid == '" + claims.path("keyId").asString() + "')]");
		Path pem = Files.writeString(this.dir.resolve("key.pem"), Openssl.pem(keys.get(0)));
		Path signature = Files.write(this.dir.resolve("qr.sig"), Base64.getUrlDecoder().decode(parts[1]));
		Path data = Files.write(this.dir.resolve("qr.json"), statement);

		assertThat(Openssl.verifies(pem, data, signature, Openssl.SM2)).isTrue();
		statement[statement.length / 2] ^= 1;
		Files.write(data, statement);
		assertThat(Openssl.verifies(pem, data, signature, Openssl.SM2)).isFalse();
	}

	private MvcTestResult verify(String payload) {
		return post("/api/verify", null, Map.of("qr", payload));
	}

	/**
	 * Reads a generated code as a scanner app would be told to: a pure barcode (the
	 * finder search of a photo misses on some payloads' module patterns now and then).
	 */
	static String decode(byte[] png) throws Exception {
		var image = ImageIO.read(new ByteArrayInputStream(png));
		var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new QRCodeReader()
			.decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
			.getText();
	}

}
