package org.shutong.certificate.rendering;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.shutong.certificate.issuance.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compact signed statement a certificate's QR code carries:
 * {@code SHUTONG-QR1.<base64url statement>.<base64url DER signature>}, where the
 * statement is RFC 8785 canonical JSON and the signature is over exactly its bytes.
 *
 * @param statement the canonical JSON bytes that were signed
 * @param signature the DER signature of {@code statement}
 */
public record QrPayload(byte[] statement, byte[] signature) {

	public static final String PREFIX = "SHUTONG-QR1.";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	public String text() {
		return PREFIX + ENCODER.encodeToString(this.statement) + "." + ENCODER.encodeToString(this.signature);
	}

	public JsonNode json() {
		return CanonicalJson.parse(new String(this.statement, StandardCharsets.UTF_8));
	}

	/** The payload, if the text has its form and its statement is a JSON object. */
	public static Optional<QrPayload> parse(String text) {
		if (!text.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			QrPayload payload = new QrPayload(DECODER.decode(parts[0]), DECODER.decode(parts[1]));
			return (payload.json() instanceof ObjectNode) ? Optional.of(payload) : Optional.empty();
		}
		catch (IllegalArgumentException | JacksonException | ClassCastException ex) {
			return Optional.empty();
		}
	}

}
