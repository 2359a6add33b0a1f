package org.shutong.certificate.issuance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed form of a certificate: its JSON without {@code status} and
 * {@code signature}, with {@code signature.alg} and {@code signature.keyId} as members
 * {@code alg} and {@code keyId}, null members left out, in RFC 8785 (JCS) canonical form.
 */
public final class CanonicalJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The members of a certificate that are signed as they are. */
	static final List<String> SIGNED = List.of("id", "typeCode", "issuerDepartmentCode", "holder", "fields", "issuedAt",
			"validFrom", "validUntil");

	private CanonicalJson() {
	}

	/**
	 * The document a certificate's signature covers, taken from the certificate as
	 * returned by issuance (or as anyone posts it back).
	 */
	public static ObjectNode signedDocument(JsonNode certificate, String alg, String keyId) {
		ObjectNode document = JSON.createObjectNode();
		for (String name : SIGNED) {
			JsonNode value = certificate.get(name);
			if (value != null && !value.isNull()) {
				document.set(name, value);
			}
		}
		document.put("alg", alg);
		document.put("keyId", keyId);
		return document;
	}

	public static String text(JsonNode document) {
		return new String(bytes(document), StandardCharsets.UTF_8);
	}

	public static byte[] bytes(JsonNode document) {
		try {
			return new JsonCanonicalizer(JSON.writeValueAsString(document)).getEncodedUTF8();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ObjectNode parse(String json) {
		return (ObjectNode) JSON.readTree(json);
	}

}
