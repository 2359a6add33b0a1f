package org.shutong.platform.audit;

/**
 * Records audit events in the producing service's own database, in the transaction of the
 * business change they describe, for delivery to the audit service until it acknowledges
 * them. An event is therefore stored exactly when the change commits: a rollback leaves
 * neither.
 */
public interface AuditPublisher {

	/**
	 * @throws IllegalStateException if no transaction is active
	 * @throws IllegalArgumentException if the event breaks its constraints (see
	 * {@link AuditEvent}): the audit log would refuse it, so it is not stored
	 */
	void publish(AuditEvent event);

}
