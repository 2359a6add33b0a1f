package org.shutong.platform.security;

/**
 * The scopes a token can carry in its {@code scope} claim. Each becomes the authority
 * {@code SCOPE_<name>}, so {@code hasAuthority('SCOPE_catalog.read')} checks for it.
 */
public final class Scopes {

	public static final String CATALOG_READ = "catalog.read";

	public static final String CATALOG_WRITE = "catalog.write";

	public static final String SHARING_APPLY = "sharing.apply";

	public static final String SHARING_REVIEW = "sharing.review";

	public static final String EXCHANGE_QUERY = "exchange.query";

	public static final String CERTIFICATE_ISSUE = "certificate.issue";

	public static final String CERTIFICATE_READ = "certificate.read";

	public static final String AUDIT_WRITE = "audit.write";

	public static final String ADMIN = "admin";

	/** What a scope is prefixed with as a granted authority. */
	public static final String AUTHORITY_PREFIX = "SCOPE_";

	private Scopes() {
	}

}
