package org.shutong.gateway.signingkey;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.audit.AdminAudit;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.Jwts;
import org.shutong.gateway.testing.RecordedAuditEvents;
import org.shutong.platform.audit.AuditEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rotation publishes the new key at once but signs with it only after the publish lead
 * (2 minutes by default), so every verifier has fetched it first.
 */
@GatewayTest
class SigningKeyRotationTests extends GatewayHttpTest {

	@Autowired
	private RecordedAuditEvents audit;

	@Test
	void publishesTheNewKeyAtOnceAndKeepsSigningWithTheOldOne() {
		Identities.Client administrator = this.identities.administrator();
		String adminToken = this.gateway.accessToken(administrator, "admin");
		String signingBefore = Jwts.parse(adminToken).getHeader().getKeyID();

		HttpResponse<String> rotated = this.gateway.postJson("/api/admin/signing-keys", adminToken, "");

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
		JsonNode newKey = GatewayHttp.json(rotated);
		String newKeyId = newKey.get("keyId").asString();
		assertThat(newKeyId).isNotEqualTo(signingBefore);
		assertThat(newKey.get("algorithm").asString()).isEqualTo("ES256");
		assertThat(newKey.get("signing").asBoolean()).isFalse();
		AuditEvent audited = this.audit.await(AdminAudit.SIGNING_KEY_ROTATE, "signing-key/" + newKeyId);
		assertThat(audited.actor().clientId()).isEqualTo(administrator.clientId());
		assertThat(audited.details()).containsEntry("algorithm", "ES256");
		assertThat(publishedKeyIds()).contains(newKeyId, signingBefore);
		String tokenAfter = this.gateway.accessToken(administrator, "admin");
		assertThat(Jwts.parse(tokenAfter).getHeader().getKeyID()).isEqualTo(signingBefore);
		HttpResponse<String> listed = this.gateway.get("/api/admin/signing-keys", tokenAfter);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(GatewayHttp.json(listed)).anySatisfy((key) -> {
			assertThat(key.get("keyId").asString()).isEqualTo(signingBefore);
			assertThat(key.get("signing").asBoolean()).isTrue();
		});
	}

	private List<String> publishedKeyIds() {
		List<String> keyIds = new ArrayList<>();
		this.gateway.jwks().get("keys").forEach((key) -> keyIds.add(key.get("kid").asString()));
		return keyIds;
	}

}
