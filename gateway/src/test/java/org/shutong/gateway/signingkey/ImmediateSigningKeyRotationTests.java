package org.shutong.gateway.signingkey;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTestWithTightLimits;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.Jwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no publish lead, a rotation signs with the new key at once, and tokens the old key
 * signed stay valid until they expire.
 */
@GatewayTestWithTightLimits
class ImmediateSigningKeyRotationTests extends GatewayHttpTest {

	@Test
	void signsWithTheNewKeyAtOnceAndStillAcceptsTokensOfTheOldOne() {
		Identities.Client system = this.identities.system("catalog.read");
		String before = this.gateway.accessToken(system, "catalog.read");
		String adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");

		HttpResponse<String> rotated = this.gateway.postJson("/api/admin/signing-keys", adminToken, "");

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
		String newKeyId = GatewayHttp.json(rotated).get("keyId").asString();
		assertThat(Jwts.parse(before).getHeader().getKeyID()).isNotEqualTo(newKeyId);
		String after = this.gateway.accessToken(system, "catalog.read");
		assertThat(Jwts.parse(after).getHeader().getKeyID()).isEqualTo(newKeyId);
		assertThat(this.gateway.get("/api/departments", before).statusCode()).isEqualTo(200);
		assertThat(this.gateway.get("/api/departments", after).statusCode()).isEqualTo(200);
	}

}
