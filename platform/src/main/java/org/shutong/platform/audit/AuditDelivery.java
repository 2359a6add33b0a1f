package org.shutong.platform.audit;

import java.util.List;

/**
 * Hands stored audit events to the audit log. Returning normally means the log has
 * committed every one of them (or already held it); throwing leaves them to be delivered
 * again.
 */
public interface AuditDelivery {

	void deliver(List<AuditEvent> events);

}
