package org.shutong.catalog.resource;

/**
 * How often the provider updates a resource (更新周期).
 */
public enum UpdateCycle {

	REALTIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY

}
