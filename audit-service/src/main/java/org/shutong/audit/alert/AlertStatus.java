package org.shutong.audit.alert;

/**
 * Whether an auditor has acknowledged an alert yet.
 */
public enum AlertStatus {

	OPEN, ACKNOWLEDGED

}
