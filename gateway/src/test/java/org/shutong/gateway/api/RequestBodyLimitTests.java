package org.shutong.gateway.api;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.IdentityNumbers;

/**
 * Request bodies over the limit (1 MB) are refused before anything reads them.
 */
@GatewayTest
class RequestBodyLimitTests extends GatewayHttpTest {

	@Test
	void refusesATwoMegabyteBody() {
		String adminToken = this.gateway.accessToken(this.identities.administrator(), "admin");
		String body = "{\"creditCode\":\"" + IdentityNumbers.creditCode() + "\",\"name\":\"" + "x".repeat(2_000_000)
				+ "\",\"region\":\"杭州市\"}";

		GatewayHttp.problem(this.gateway.postJson("/api/admin/departments", adminToken, body), 413,
				"PAYLOAD_TOO_LARGE");
	}

}
