package org.shutong.audit.alert;

/**
 * What an alert says happened; see {@link AlertSettings} for each rule's thresholds.
 */
public enum AlertRule {

	/** A department's accesses in one hour far above its usual hourly volume. */
	VOLUME_SPIKE,

	/** An access returning many rows of personal data, or many distinct persons read. */
	BULK_PERSONAL_READ,

	/** Accesses outside working hours. */
	OFF_HOURS,

	/** Accesses naming no service item (政务服务事项), that is, no case they serve. */
	NO_SERVICE_ITEM

}
