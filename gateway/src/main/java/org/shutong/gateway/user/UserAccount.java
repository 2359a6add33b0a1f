package org.shutong.gateway.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in: a citizen, a department operator, an auditor or an
 * administrator. A citizen is known by a holder reference, never by the identity number
 * itself.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

	@Id
	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	/** Role names, comma-separated. */
	private String roles;

	@Column(name = "department_code", columnDefinition = "char(18)")
	private @Nullable String departmentCode;

	@Column(name = "holder_reference", columnDefinition = "char(64)")
	private @Nullable String holderReference;

	private boolean enabled;

	@Column(name = "failed_logins")
	private int failedLogins;

	@Column(name = "locked_until")
	private @Nullable Instant lockedUntil;

	@Column(name = "created_at")
	private Instant createdAt;

	protected UserAccount() {
	}

	public UserAccount(String username, String passwordHash, Set<String> roles, @Nullable String departmentCode,
			@Nullable String holderReference, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.roles = String.join(",", roles);
		this.departmentCode = departmentCode;
		this.holderReference = holderReference;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	public String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	public Set<String> roles() {
		return new LinkedHashSet<>(Arrays.asList(this.roles.split(",")));
	}

	public @Nullable String departmentCode() {
		return this.departmentCode;
	}

	public @Nullable String holderReference() {
		return this.holderReference;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * Counts a wrong password; from {@code threshold} failures on, each further failure
	 * locks the account for {@code lock}, doubled per failure up to {@code maxLock}.
	 */
	void recordFailedLogin(Instant now, int threshold, Duration lock, Duration maxLock) {
		this.failedLogins++;
		if (this.failedLogins >= threshold) {
			int doublings = Math.min(this.failedLogins - threshold, 16);
			Duration duration = lock.multipliedBy(1L << doublings);
			this.lockedUntil = now.plus(duration.compareTo(maxLock) > 0 ? maxLock : duration);
		}
	}

	void recordSuccessfulLogin() {
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

}
