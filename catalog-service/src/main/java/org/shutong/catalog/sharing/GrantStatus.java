package org.shutong.catalog.sharing;

/**
 * Whether a grant still allows queries.
 */
public enum GrantStatus {

	ACTIVE, REVOKED, EXPIRED

}
