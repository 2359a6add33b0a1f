package org.shutong.gateway.user;

import java.time.Clock;

import org.shutong.platform.security.Roles;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs people in against {@code user_account}; a locked account is refused before its
 * password is even compared.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	private final Clock clock;

	AccountUserDetailsService(UserAccountRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.users.findById(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(account.roles().stream().map((role) -> Roles.AUTHORITY_PREFIX + role).toArray(String[]::new))
			.disabled(!account.isEnabled())
			.accountLocked(account.isLockedAt(this.clock.instant()))
			.build();
	}

}
