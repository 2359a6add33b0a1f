package org.shutong.platform.security;

/**
 * The roles a person's token can carry in its {@code roles} claim. Each becomes the
 * authority {@code ROLE_<name>}, so {@code hasRole('AUDITOR')} checks for it.
 */
public final class Roles {

	public static final String CITIZEN = "CITIZEN";

	public static final String DEPT_OPERATOR = "DEPT_OPERATOR";

	/** Read-only everywhere. */
	public static final String AUDITOR = "AUDITOR";

	public static final String ADMIN = "ADMIN";

	/** What a role is prefixed with as a granted authority. */
	public static final String AUTHORITY_PREFIX = "ROLE_";

	private Roles() {
	}

}
