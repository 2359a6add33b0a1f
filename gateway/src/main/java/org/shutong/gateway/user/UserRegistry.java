package org.shutong.gateway.user;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.audit.AdminAudit;
import org.shutong.gateway.department.DepartmentRegistry;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Roles;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates people's accounts with a generated first password, returned once. A department
 * operator belongs to a department; a citizen is linked to their identity number only by
 * its holder reference.
 */
@Service
public class UserRegistry {

	public static final Set<String> ROLES = Set.of(Roles.CITIZEN, Roles.DEPT_OPERATOR, Roles.AUDITOR, Roles.ADMIN);

	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository users;

	private final DepartmentRegistry departments;

	private final HolderReferences holders;

	private final PasswordEncoder passwords;

	private final AdminAudit audit;

	private final Clock clock;

	UserRegistry(UserAccountRepository users, DepartmentRegistry departments, HolderReferences holders,
			PasswordEncoder passwords, AdminAudit audit, Clock clock) {
		this.users = users;
		this.departments = departments;
		this.holders = holders;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the account and its first password in clear
	 */
	@Transactional
	public Created create(String username, Set<String> roles, @Nullable String departmentCode,
			@Nullable String holderIdNumber) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> unknown = new TreeSet<>(roles);
		unknown.removeAll(ROLES);
		if (!unknown.isEmpty()) {
			errors.add(new FieldError("roles", "unknown roles " + unknown + "; allowed: " + new TreeSet<>(ROLES)));
		}
		if (roles.contains(Roles.DEPT_OPERATOR) && departmentCode == null) {
			errors.add(new FieldError("departmentCode", "is required for a department operator"));
		}
		if (departmentCode != null && !this.departments.exists(departmentCode)) {
			errors.add(new FieldError("departmentCode", "no department is registered with this credit code"));
		}
		if (roles.contains(Roles.CITIZEN) && holderIdNumber == null) {
			errors.add(new FieldError("holderIdNumber", "is required for a citizen"));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The user account is invalid.", errors));
		}
		if (this.users.existsById(username)) {
			throw new ProblemException(PlatformProblem.CONFLICT, "A user named " + username + " already exists.");
		}
		String password = generatePassword();
		String holder = (holderIdNumber != null) ? this.holders.of(new ResidentIdNumber(holderIdNumber)) : null;
		UserAccount account = this.users.save(new UserAccount(username, this.passwords.encode(password),
				new TreeSet<>(roles), departmentCode, holder, this.clock.instant()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("roles", List.copyOf(new TreeSet<>(roles)));
		if (departmentCode != null) {
			details.put("departmentCode", departmentCode);
		}
		details.put("holderLinked", holder != null);
		// A citizen's account is about that person: named by holder reference, never by
		// number.
		this.audit.changed(AdminAudit.USER_CREATE, "user/" + username,
				(holder != null) ? new AuditEvent.Subject(AuditEvent.SubjectKind.PERSON, holder) : null, details);
		return new Created(account, password);
	}

	@Transactional(readOnly = true)
	public List<UserAccount> all() {
		return this.users.findAll(Sort.by("username"));
	}

	private static String generatePassword() {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	public record Created(UserAccount account, String password) {
	}

}
