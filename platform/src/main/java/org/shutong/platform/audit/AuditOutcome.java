package org.shutong.platform.audit;

/**
 * How an audited operation ended.
 */
public enum AuditOutcome {

	SUCCESS, DENIED, FAILED

}
