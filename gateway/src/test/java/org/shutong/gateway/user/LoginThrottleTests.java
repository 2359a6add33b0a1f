package org.shutong.gateway.user;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.Browser;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTestWithTightLimits;
import org.shutong.gateway.testing.Identities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is slowed down: after five wrong passwords the account is locked (for
 * 3 seconds in this context), even against the right password, and opens again after.
 */
@GatewayTestWithTightLimits
class LoginThrottleTests extends GatewayHttpTest {

	private static final Duration LOCK = Duration.ofSeconds(GatewayTestWithTightLimits.LOGIN_LOCK_SECONDS);

	@Test
	void locksTheAccountAfterFiveWrongPasswordsUntilTheLockRunsOut() throws Exception {
		Identities.Person auditor = this.identities.auditor();
		Browser browser = browser();
		assertThat(Browser.signedIn(browser.signIn(auditor.username(), auditor.password()))).isTrue();

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(Browser.signedIn(browser().signIn(auditor.username(), "wrong-" + attempt))).isFalse();
		}
		assertThat(Browser.signedIn(browser().signIn(auditor.username(), auditor.password())))
			.as("four wrong passwords do not lock yet")
			.isTrue();

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(Browser.signedIn(browser().signIn(auditor.username(), "wrong-" + attempt))).isFalse();
		}
		Instant lockedAtTheLatest = Instant.now();
		assertThat(Browser.signedIn(browser().signIn(auditor.username(), auditor.password())))
			.as("the right password while locked")
			.isFalse();

		Duration untilUnlocked = Duration.between(Instant.now(), lockedAtTheLatest.plus(LOCK).plusMillis(100));
		if (untilUnlocked.isPositive()) {
			Thread.sleep(untilUnlocked);
		}
		assertThat(Browser.signedIn(browser().signIn(auditor.username(), auditor.password())))
			.as("the right password once the lock ran out")
			.isTrue();
	}

}
