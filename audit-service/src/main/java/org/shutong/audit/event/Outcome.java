package org.shutong.audit.event;

/**
 * How an audited operation ended.
 */
public enum Outcome {

	SUCCESS, DENIED, FAILED

}
