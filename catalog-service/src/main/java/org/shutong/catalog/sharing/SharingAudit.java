package org.shutong.catalog.sharing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.audit.AuditPublisher;
import org.shutong.platform.security.Caller;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * The audit events of the sharing workflow, each published in the transaction of the
 * change it records: the actor, the resource code, and the application or grant with its
 * items.
 */
@Component
class SharingAudit {

	static final String SERVICE = "catalog-service";

	static final String FILE = "sharing.application.file";

	static final String APPROVE = "sharing.application.approve";

	static final String REJECT = "sharing.application.reject";

	static final String REVOKE = "sharing.grant.revoke";

	static final String EXPIRE = "sharing.grant.expire";

	private final AuditPublisher publisher;

	private final Clock clock;

	SharingAudit(AuditPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * @param caller who acted; none when the service approves an unconditional resource
	 * itself
	 */
	void application(String action, @Nullable Caller caller, SharingApplication application, @Nullable Grant grant) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("applicationId", application.id());
		details.put("resourceVersion", application.resourceVersion());
		details.put("consumer", application.consumerCode());
		details.put("provider", application.providerCode());
		details.put("items", application.items());
		if (grant != null) {
			details.put("grantId", grant.id());
			details.put("grantedItems", grant.items());
			details.put("rawValues", grant.rawValues());
		}
		publish(action, actor(caller), application.resourceCode(), application.serviceItemCode(), application.purpose(),
				details);
	}

	void grant(String action, @Nullable Caller caller, Grant grant) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("grantId", grant.id());
		details.put("applicationId", grant.applicationId());
		details.put("resourceVersion", grant.resourceVersion());
		details.put("consumer", grant.consumerCode());
		details.put("provider", grant.providerCode());
		details.put("items", grant.items());
		publish(action, actor(caller), grant.resourceCode(), grant.serviceItemCode(), null, details);
	}

	private void publish(String action, AuditEvent.Actor actor, String resource, String serviceItem,
			@Nullable String purpose, Map<String, Object> details) {
		this.publisher.publish(new AuditEvent(UUID.randomUUID(), this.clock.instant(), SERVICE, action,
				AuditOutcome.SUCCESS, actor, null, resource, serviceItem, purpose, MDC.get("traceId"), details));
	}

	private static AuditEvent.Actor actor(@Nullable Caller caller) {
		if (caller == null) {
			return new AuditEvent.Actor(null, SERVICE, null);
		}
		return AuditEvent.Actor.of(caller);
	}

}
