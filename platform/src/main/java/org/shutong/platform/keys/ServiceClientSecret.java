package org.shutong.platform.keys;

import java.nio.file.Path;
import java.util.Base64;

/**
 * The client secret of one of the platform's own services (e.g. {@code catalog-service}
 * asking the gateway for an {@code audit.write} token). The gateway, which registers the
 * client, and the service, which authenticates with it, find it the same way: 32 bytes,
 * base64 in the configuration (normally {@code <SERVICE>_SERVICE_CLIENT_SECRET}), or on
 * the embedded default generated once into {@code keys/<client-id>.client-secret} under
 * the data directory, where both read it.
 */
public final class ServiceClientSecret {

	/** The secret's length in bytes. */
	public static final int LENGTH = 32;

	private ServiceClientSecret() {
	}

	/**
	 * The secret as sent on the wire: the 32 bytes in unpadded base64url, which needs no
	 * escaping in HTTP Basic credentials.
	 * @param property the configuration property that names the secret, for messages
	 * @param clientId the service's client id
	 * @param configured the configured base64 value, possibly blank
	 * @param dataDir the data directory, where a generated secret lives
	 * @param mayGenerate whether a missing secret may be generated
	 */
	public static String wire(String property, String clientId, String configured, Path dataDir, boolean mayGenerate) {
		byte[] key = KeyMaterial.resolve(property, configured, dataDir.resolve("keys/" + clientId + ".client-secret"),
				mayGenerate, LENGTH);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

}
