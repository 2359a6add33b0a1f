package org.shutong.certificate.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.shutong.certificate.issuance.CanonicalJson;
import org.shutong.certificate.issuance.HolderNames;
import org.shutong.certificate.issuance.Sm3;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.SigningKey;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * A certificate's QR code. The whole signed document can be too large for a QR, so the QR
 * carries a compact statement, signed when it is made by the issuer's current key of the
 * certificate's algorithm, that binds the document by its SM3 digest. An offline verifier
 * needs only the issuer's published key; an online one also checks the status.
 */
@Component
public class CertificateQr {

	private static final int SIZE = 400;

	private final IssuerKeyStore keys;

	private final Clock clock;

	CertificateQr(IssuerKeyStore keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	public String payload(StoredCertificate certificate) {
		ObjectNode document = CanonicalJson.parse(certificate.document());
		KeyAlgorithm algorithm = KeyAlgorithm.bySignatureName(certificate.algorithm()).orElseThrow();
		SigningKey key = this.keys.current(certificate.issuerDepartmentCode(), algorithm);
		ObjectNode statement = document.objectNode();
		statement.put("id", certificate.id());
		statement.put("typeCode", certificate.typeCode());
		statement.put("issuerDepartmentCode", certificate.issuerDepartmentCode());
		statement.put("holderNameMasked", HolderNames.masked(document.path("holder").path("name").asString("")));
		statement.put("validFrom", document.path("validFrom").asString());
		if (document.hasNonNull("validUntil")) {
			statement.put("validUntil", document.path("validUntil").asString());
		}
		statement.put("documentDigest", Sm3.hex(certificate.document().getBytes(StandardCharsets.UTF_8)));
		statement.put("alg", key.algorithm().signatureName());
		statement.put("keyId", key.keyId());
		statement.put("signedAt", this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
		byte[] bytes = CanonicalJson.bytes(statement);
		return new QrPayload(bytes, key.sign(bytes)).text();
	}

	/** A PNG of the payload: error correction M, with its quiet zone. */
	public byte[] png(String payload) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, SIZE, SIZE,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", png);
			return png.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("A certificate's QR payload does not fit a QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
