package org.shutong.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	@Nested
	class Claims {

		@Test
		void splitsAScopeStringOnAnyWhitespace() {
			Caller caller = Caller.of(token(Map.of("scope", " catalog.read\texchange.query  admin ")));
			assertThat(caller.scopes()).containsExactly("catalog.read", "exchange.query", "admin");
		}

		@Test
		void readsScopesAndRolesGivenAsLists() {
			Caller caller = Caller.of(token(Map.of("scope", List.of("catalog.read"), "roles", List.of("AUDITOR"))));
			assertThat(caller.hasScope(Scopes.CATALOG_READ)).isTrue();
			assertThat(caller.hasRole(Roles.AUDITOR)).isTrue();
			assertThat(caller.hasRole(Roles.ADMIN)).isFalse();
		}

		@Test
		void ignoresEntriesThatAreNotNames() {
			Caller caller = Caller.of(token(Map.of("roles", List.of("ADMIN", 7, " ", List.of("AUDITOR")))));
			assertThat(caller.roles()).containsExactly("ADMIN");
		}

		@Test
		void leavesOutWhatTheTokenDoesNotSay() {
			Caller caller = Caller.of(token(Map.of()));
			assertThat(caller.subject()).isEqualTo("someone");
			assertThat(caller.clientId()).isNull();
			assertThat(caller.departmentCode()).isNull();
			assertThat(caller.scopes()).isEmpty();
			assertThat(caller.roles()).isEmpty();
			assertThat(caller.holder()).isNull();
		}

		@Test
		void takesACitizensHolderReference() {
			String holder = "3f2a6c1be0d94c7a8e5f1b2d3c4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2";
			Caller caller = Caller.of(token(Map.of("roles", List.of("CITIZEN"), "holder", holder)));
			assertThat(caller.holder()).isEqualTo(holder);
		}

		@Test
		void takesClientAndDepartment() {
			Caller caller = Caller.of(token(Map.of("client_id", "registry", "dept", "91350100M000100Y43")));
			assertThat(caller.clientId()).isEqualTo("registry");
			assertThat(caller.departmentCode()).isEqualTo("91350100M000100Y43");
		}

	}

	@Nested
	class Authorities {

		@Test
		void prefixesScopesAndRoles() {
			Jwt token = token(Map.of("scope", "catalog.read audit.write", "roles", List.of("CITIZEN")));
			assertThat(new ClaimAuthorities().convert(token)).extracting(GrantedAuthority::getAuthority)
				.containsExactly("SCOPE_catalog.read", "SCOPE_audit.write", "ROLE_CITIZEN");
		}

		@Test
		void grantsNothingForATokenWithoutScopesOrRoles() {
			assertThat(new ClaimAuthorities().convert(token(Map.of("dept", "91350100M000100Y43")))).isEmpty();
		}

	}

	private static Jwt token(Map<String, Object> claims) {
		return Jwt.withTokenValue("token")
			.header("alg", "ES256")
			.subject("someone")
			.issuedAt(Instant.now())
			.claims((all) -> all.putAll(claims))
			.build();
	}

}
