package org.shutong.gateway.client;

import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;
import org.shutong.gateway.audit.AdminAudit;
import org.shutong.gateway.department.DepartmentRegistry;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Scopes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers department systems as OAuth2 clients. A generated secret is returned once and
 * only its hash is kept; a {@code private_key_jwt} client registers public keys only.
 */
@Service
public class ClientRegistry {

	/**
	 * The scopes a department system may be given; {@code audit.write} is for services.
	 */
	public static final Set<String> SYSTEM_SCOPES = Set.of(Scopes.CATALOG_READ, Scopes.CATALOG_WRITE,
			Scopes.SHARING_APPLY, Scopes.SHARING_REVIEW, Scopes.EXCHANGE_QUERY, Scopes.CERTIFICATE_ISSUE,
			Scopes.CERTIFICATE_READ, Scopes.ADMIN);

	private final RegisteredClientRepository clients;

	private final DepartmentRegistry departments;

	private final JdbcTemplate jdbc;

	private final TokenPolicy tokens;

	private final AdminAudit audit;

	private final Clock clock;

	ClientRegistry(RegisteredClientRepository clients, DepartmentRegistry departments, JdbcTemplate jdbc,
			TokenPolicy tokens, AdminAudit audit, Clock clock) {
		this.clients = clients;
		this.departments = departments;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the registered client, and its secret in clear for
	 * {@code client_secret_basic}
	 */
	@Transactional
	public Registered register(String clientId, String departmentCode, Set<String> scopes, ClientAuthMethod authMethod,
			@Nullable String jwks) {
		if (!this.departments.exists(departmentCode)) {
			throw invalid("departmentCode", "no department is registered with this credit code");
		}
		Set<String> unknown = scopes.stream()
			.filter((scope) -> !SYSTEM_SCOPES.contains(scope))
			.collect(Collectors.toCollection(TreeSet::new));
		if (!unknown.isEmpty()) {
			throw invalid("scopes", "unknown scopes " + unknown + "; allowed: " + new TreeSet<>(SYSTEM_SCOPES));
		}
		if (this.clients.findByClientId(clientId) != null) {
			throw new ProblemException(PlatformProblem.CONFLICT, "A client with id " + clientId + " already exists.");
		}
		String secret = null;
		String publicJwks = null;
		if (authMethod == ClientAuthMethod.CLIENT_SECRET_BASIC) {
			if (jwks != null) {
				throw invalid("jwks", "is only for private_key_jwt");
			}
			secret = ClientSecrets.generate();
		}
		else {
			publicJwks = publicKeysOnly(jwks);
		}
		String secretHash = (secret != null) ? ClientSecrets.encoder().encode(secret) : null;
		RegisteredClient client = DepartmentClients.system(clientId, departmentCode, scopes, authMethod, secretHash,
				publicJwks, this.tokens, this.clock.instant());
		this.clients.save(client);
		this.audit.changed(AdminAudit.CLIENT_CREATE, "client/" + clientId, null,
				Map.of("departmentCode", departmentCode, "scopes", List.copyOf(new TreeSet<>(scopes)), "authMethod",
						authMethod.method().getValue()));
		return new Registered(client, secret);
	}

	private static String publicKeysOnly(@Nullable String jwks) {
		if (jwks == null) {
			throw invalid("jwks", "is required for private_key_jwt: the public keys the system signs with");
		}
		JWKSet set;
		try {
			set = JWKSet.parse(jwks);
		}
		catch (ParseException ex) {
			throw invalid("jwks", "is not a JWK Set (RFC 7517)");
		}
		if (set.getKeys().isEmpty()) {
			throw invalid("jwks", "holds no key");
		}
		if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
			throw invalid("jwks", "holds a private key: register public keys only, and replace the leaked key");
		}
		return set.toString(true);
	}

	@Transactional(readOnly = true)
	public List<RegisteredClient> all() {
		return this.jdbc.queryForList("SELECT client_id FROM oauth2_registered_client ORDER BY client_id", String.class)
			.stream()
			.map(this.clients::findByClientId)
			.toList();
	}

	private static ProblemException invalid(String field, String message) {
		return new ProblemException(PlatformProblem.INVALID_REQUEST,
				Problems.invalid("The client registration is invalid.", List.of(new FieldError(field, message))));
	}

	public record Registered(RegisteredClient client, @Nullable String secret) {
	}

}
