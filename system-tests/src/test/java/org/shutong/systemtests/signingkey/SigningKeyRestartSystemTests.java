package org.shutong.systemtests.signingkey;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.shutong.systemtests.support.DemoCredentials;
import org.shutong.systemtests.support.Http;
import org.shutong.systemtests.support.RunningPlatform;
import org.shutong.systemtests.support.SystemTest;
import org.shutong.systemtests.support.TokenClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway keeps its token signing key in its database: tokens outlive a restart.
 */
@SystemTest
class SigningKeyRestartSystemTests {

	private final RunningPlatform platform;

	private final Http http = new Http();

	SigningKeyRestartSystemTests(RunningPlatform platform) {
		this.platform = platform;
	}

	@Test
	void aTokenIssuedBeforeARestartIsAcceptedAfterIt() throws Exception {
		DemoCredentials.Client system = this.platform.demo().client("public-security-system");
		TokenClient tokens = new TokenClient(this.platform);
		String token = tokens.clientCredentials(system.clientId(), system.clientSecret(), "catalog.read");
		String keyId = SignedJWT.parse(token).getHeader().getKeyID();
		List<String> keysBefore = publishedKeyIds();
		assertThat(keysBefore).contains(keyId);
		this.http.ok(this.http.get(this.platform.gatewayUri("/api/catalog/resources"), token));

		this.platform.restartGateway();

		assertThat(publishedKeyIds()).isEqualTo(keysBefore);
		JsonNode departments = this.http.ok(this.http.get(this.platform.gatewayUri("/api/departments"), token));
		assertThat(departments.valueStream().map((department) -> department.get("creditCode").asString()))
			.contains(system.departmentCode());
		this.http.ok(this.http.get(this.platform.gatewayUri("/api/catalog/resources"), token));
		String fresh = tokens.clientCredentials(system.clientId(), system.clientSecret(), "catalog.read");
		assertThat(SignedJWT.parse(fresh).getHeader().getKeyID()).isEqualTo(keyId);
	}

	private List<String> publishedKeyIds() throws Exception {
		String jwks = this.http.ok(this.http.get(this.platform.gatewayUri("/oauth2/jwks"), null)).toString();
		return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
	}

}
