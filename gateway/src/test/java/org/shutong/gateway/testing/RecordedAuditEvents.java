package org.shutong.gateway.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.shutong.platform.audit.AuditDelivery;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.stereotype.Component;

/**
 * The audit service as the gateway's tests see it: every audit event the gateway's outbox
 * delivers, acknowledged at once. Found by the application's component scan, it takes the
 * place of the HTTP delivery in every test context of the gateway, so that no test
 * depends on an audit service, and each can see what was audited.
 */
@Component
public class RecordedAuditEvents implements AuditDelivery {

	private final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();

	@Override
	public void deliver(List<AuditEvent> events) {
		this.delivered.addAll(events);
	}

	/**
	 * Waits until the one event of this action on this resource has been delivered.
	 */
	public AuditEvent await(String action, String resource) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !of(action, resource).isEmpty());
		List<AuditEvent> events = of(action, resource);
		if (events.size() != 1) {
			throw new AssertionError("expected one " + action + " of " + resource + ", delivered " + events);
		}
		return events.get(0);
	}

	public List<AuditEvent> of(String action, String resource) {
		return this.delivered.stream()
			.filter((event) -> event.action().equals(action) && resource.equals(event.resource()))
			.toList();
	}

}
