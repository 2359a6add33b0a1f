package org.shutong.platform.audit;

import java.util.List;

/**
 * Hands stored audit events to the audit log. Returning normally means the log has
 * committed every one of them (or already held it); throwing leaves them to be delivered
 * again. {@link AuditEventsRejectedException} says the log refused some as invalid: those
 * are not sent again at once, the others are.
 * <p>
 * The default is {@code HttpAuditDelivery}, which posts them to the audit service; the
 * audit service itself declares a bean of this type to append them locally.
 */
public interface AuditDelivery {

	void deliver(List<AuditEvent> events);

}
