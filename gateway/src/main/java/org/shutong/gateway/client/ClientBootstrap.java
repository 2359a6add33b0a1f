package org.shutong.gateway.client;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.shutong.platform.security.Scopes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Registers, on every start and in every profile, the clients the platform itself needs:
 * its services, the command-line client and the portal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties({ ServiceClients.class, TokenPolicy.class, PortalClient.class })
class ClientBootstrap implements ApplicationRunner {

	/**
	 * What a person may ask for through the command-line client or the portal; roles
	 * decide the rest.
	 */
	static final Set<String> PERSON_SCOPES = Set.of(Scopes.CATALOG_READ, Scopes.CATALOG_WRITE, Scopes.SHARING_APPLY,
			Scopes.SHARING_REVIEW, Scopes.EXCHANGE_QUERY, Scopes.CERTIFICATE_READ);

	private final RegisteredClientRepository clients;

	private final ServiceClients serviceClients;

	private final TokenPolicy tokens;

	private final PortalClient portal;

	private final Clock clock;

	private final Path dataDir;

	private final boolean generateKeys;

	ClientBootstrap(RegisteredClientRepository clients, ServiceClients serviceClients, TokenPolicy tokens,
			PortalClient portal, Clock clock, @Value("${shutong.data-dir}") Path dataDir,
			@Value("${shutong.keys.generate-missing}") boolean generateKeys) {
		this.clients = clients;
		this.serviceClients = serviceClients;
		this.tokens = tokens;
		this.portal = portal;
		this.clock = clock;
		this.dataDir = dataDir;
		this.generateKeys = generateKeys;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.serviceClients.register(this.clients, this.tokens, this.clock, this.dataDir, this.generateKeys);
		var existing = this.clients.findByClientId(DepartmentClients.COMMAND_LINE_CLIENT_ID);
		var commandLine = DepartmentClients.commandLine(PERSON_SCOPES, this.tokens, this.clock.instant());
		this.clients.save((existing != null) ? DepartmentClients.withId(commandLine, existing.getId()) : commandLine);
		var portalClient = this.clients.findByClientId(PortalClient.CLIENT_ID);
		this.clients
			.save(this.portal.registration((portalClient != null) ? portalClient.getId() : UUID.randomUUID().toString(),
					this.portal.secret(this.dataDir, this.generateKeys), this.tokens, this.clock.instant()));
	}

}
