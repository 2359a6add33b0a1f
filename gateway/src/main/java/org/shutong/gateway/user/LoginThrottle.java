package org.shutong.gateway.user;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing: after a few wrong passwords an account is locked for a while,
 * longer with each further failure; a successful sign-in clears the count.
 */
@Component
class LoginThrottle {

	private final UserAccountRepository users;

	private final Clock clock;

	private final int threshold;

	private final Duration lock;

	private final Duration maxLock;

	LoginThrottle(UserAccountRepository users, Clock clock,
			@Value("${shutong.gateway.login.failures-before-lock:5}") int threshold,
			@Value("${shutong.gateway.login.lock:PT1M}") Duration lock,
			@Value("${shutong.gateway.login.max-lock:PT1H}") Duration maxLock) {
		this.users = users;
		this.clock = clock;
		this.threshold = threshold;
		this.lock = lock;
		this.maxLock = maxLock;
	}

	@EventListener
	@Transactional
	void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			this.users.findById(event.getAuthentication().getName())
				.ifPresent((account) -> account.recordFailedLogin(this.clock.instant(), this.threshold, this.lock,
						this.maxLock));
		}
	}

	@EventListener
	@Transactional
	void onSignIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			this.users.findById(event.getAuthentication().getName()).ifPresent(UserAccount::recordSuccessfulLogin);
		}
	}

}
