package org.shutong.gateway.authorization;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shutong.platform.security.Scopes;

/**
 * Which services a token is for ({@code aud}): the gateway always, plus the service
 * behind each granted scope. People's tokens, whose rights come from their roles, are for
 * every service.
 */
final class Audiences {

	static final String GATEWAY = "gateway";

	static final String CATALOG = "catalog-service";

	static final String CERTIFICATE = "certificate-service";

	static final String AUDIT = "audit-service";

	private static final Map<String, Set<String>> BY_SCOPE = Map.of(Scopes.CATALOG_READ, Set.of(CATALOG),
			Scopes.CATALOG_WRITE, Set.of(CATALOG), Scopes.SHARING_APPLY, Set.of(CATALOG), Scopes.SHARING_REVIEW,
			Set.of(CATALOG), Scopes.EXCHANGE_QUERY, Set.of(CATALOG), Scopes.CERTIFICATE_ISSUE, Set.of(CERTIFICATE),
			Scopes.CERTIFICATE_READ, Set.of(CERTIFICATE), Scopes.AUDIT_WRITE, Set.of(AUDIT), Scopes.ADMIN,
			Set.of(CATALOG, CERTIFICATE, AUDIT));

	private Audiences() {
	}

	static Set<String> forScopes(Collection<String> scopes) {
		Set<String> audiences = new LinkedHashSet<>();
		audiences.add(GATEWAY);
		for (String scope : scopes) {
			audiences.addAll(BY_SCOPE.getOrDefault(scope, Set.of()));
		}
		return audiences;
	}

	static List<String> forPeople() {
		return List.of(GATEWAY, CATALOG, CERTIFICATE, AUDIT);
	}

}
