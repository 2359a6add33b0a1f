package org.shutong.gateway.client;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.shutong.platform.keys.ServiceClientSecret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The platform's own services as OAuth2 clients (e.g. catalog-service writing audit
 * events), registered from configuration on every start so that configuration stays the
 * truth. Each secret is 32 bytes, base64 in the environment; on the embedded default it
 * is generated under the data directory, where the service itself reads it (both sides
 * through {@link ServiceClientSecret}).
 *
 * @param serviceClients client id → secret and scopes
 */
@ConfigurationProperties("shutong.gateway")
public record ServiceClients(Map<String, ServiceClient> serviceClients) {

	/**
	 * @param secret base64 of 32 random bytes; blank to generate one (embedded default)
	 * @param scopes what the service may do
	 */
	public record ServiceClient(String secret, Set<String> scopes) {
	}

	void register(RegisteredClientRepository clients, TokenPolicy tokens, Clock clock, Path dataDir, boolean generate) {
		this.serviceClients.forEach((clientId, client) -> {
			String secretHash = ClientSecrets.encoder()
				.encode(ServiceClientSecret.wire("shutong.gateway.service-clients." + clientId + ".secret", clientId,
						client.secret(), dataDir, generate));
			clients.save(DepartmentClients.service("service-" + clientId, clientId, secretHash, client.scopes(), tokens,
					clock.instant()));
		});
	}

}
