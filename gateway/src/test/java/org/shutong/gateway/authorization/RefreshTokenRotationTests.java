package org.shutong.gateway.authorization;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shutong.gateway.testing.CommandLineSignIn;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens rotate on every use; a spent one presented again means it leaked, and
 * the whole family of tokens is revoked.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class RefreshTokenRotationTests extends GatewayHttpTest {

	@Test
	void rotatesTheRefreshTokenAndRevokesTheFamilyWhenASpentOneComesBack(CapturedOutput output) {
		CommandLineSignIn commandLine = commandLine();
		String first = commandLine.tokens(this.identities.auditor(), "openid catalog.read")
			.get("refresh_token")
			.asString();

		HttpResponse<String> refreshed = commandLine.refresh(first);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JsonNode tokens = GatewayHttp.json(refreshed);
		String second = tokens.get("refresh_token").asString();
		assertThat(second).isNotBlank().isNotEqualTo(first);
		assertThat(tokens.get("access_token").asString()).isNotBlank();

		HttpResponse<String> replay = commandLine.refresh(first);
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(GatewayHttp.json(replay).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(output).contains("A spent refresh token was presented again");

		HttpResponse<String> afterReplay = commandLine.refresh(second);
		assertThat(afterReplay.statusCode()).isEqualTo(400);
		assertThat(GatewayHttp.json(afterReplay).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void refusesARefreshTokenPresentedForAnotherClient() {
		String refreshToken = commandLine().tokens(this.identities.auditor(), "openid").get("refresh_token").asString();
		Identities.Client system = this.identities.system("catalog.read");
		Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id",
				system.clientId());

		HttpResponse<String> withoutSecret = this.gateway.postForm("/oauth2/token", form, null, null);
		assertThat(withoutSecret.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(withoutSecret).get("error").asString()).isEqualTo("invalid_client");

		HttpResponse<String> withSecret = this.gateway.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), system.clientId(),
				system.secret());
		assertThat(withSecret.statusCode()).isEqualTo(400);
		assertThat(GatewayHttp.json(withSecret).get("error").asString()).isEqualTo("invalid_grant");

		assertThat(commandLine().refresh(refreshToken).statusCode()).as("still the command line's").isEqualTo(200);
	}

	@Test
	void refusesAnUnknownClientWithoutCredentials() {
		HttpResponse<String> response = this.gateway.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", "made-up", "client_id", "no-such-client"), null,
				null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(GatewayHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

}
