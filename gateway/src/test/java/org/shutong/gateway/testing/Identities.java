package org.shutong.gateway.testing;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.client.ClientAuthMethod;
import org.shutong.gateway.client.ClientRegistry;
import org.shutong.gateway.department.DepartmentRegistry;
import org.shutong.gateway.user.UserRegistry;
import org.shutong.platform.security.Roles;
import org.shutong.platform.security.Scopes;

import org.springframework.context.ApplicationContext;

/**
 * Makes departments, department systems and people through the gateway's own registries,
 * each with a fresh name, so tests are independent of the demo data and of each other.
 */
public final class Identities {

	private final DepartmentRegistry departments;

	private final ClientRegistry clients;

	private final UserRegistry users;

	public Identities(ApplicationContext context) {
		this.departments = context.getBean(DepartmentRegistry.class);
		this.clients = context.getBean(ClientRegistry.class);
		this.users = context.getBean(UserRegistry.class);
	}

	/**
	 * @return the new department's credit code
	 */
	public String department() {
		String creditCode = IdentityNumbers.creditCode();
		this.departments.register(creditCode, "测试部门 " + UUID.randomUUID(), "杭州市");
		return creditCode;
	}

	/** A department system with a client secret, in a department of its own. */
	public Client system(String... scopes) {
		String departmentCode = department();
		String clientId = uniqueName("system");
		ClientRegistry.Registered registered = this.clients.register(clientId, departmentCode, Set.of(scopes),
				ClientAuthMethod.CLIENT_SECRET_BASIC, null);
		return new Client(clientId, registered.secret(), departmentCode);
	}

	/** A system allowed to administer the platform (scope {@code admin}). */
	public Client administrator() {
		return system(Scopes.ADMIN);
	}

	public Person citizen(String idNumber) {
		return person(Set.of(Roles.CITIZEN), null, idNumber);
	}

	public Person administratorPerson() {
		return person(Set.of(Roles.ADMIN), null, null);
	}

	public Person auditor() {
		return person(Set.of(Roles.AUDITOR), null, null);
	}

	public Person person(Set<String> roles, @Nullable String departmentCode, @Nullable String idNumber) {
		String username = uniqueName("person");
		UserRegistry.Created created = this.users.create(username, roles, departmentCode, idNumber);
		return new Person(username, created.password());
	}

	public static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
	}

	public record Client(String clientId, String secret, String departmentCode) {
	}

	public record Person(String username, String password) {
	}

}
