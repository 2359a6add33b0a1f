package org.shutong.catalog.resource;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.audit.AuditPublisher;
import org.shutong.platform.security.Caller;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit events of the catalogue's changes, each published in the transaction of the
 * change: the acting department, client and person (never a citizen's data), the resource
 * code and the version the change made.
 */
@Component
class ResourceAudit {

	static final String SERVICE = "catalog-service";

	static final String PUBLISH = "catalog.resource.publish";

	static final String UPDATE = "catalog.resource.update";

	static final String RETIRE = "catalog.resource.retire";

	private final AuditPublisher publisher;

	private final Clock clock;

	ResourceAudit(AuditPublisher publisher) {
		this.publisher = publisher;
		this.clock = Clock.systemUTC();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void changed(String action, Caller caller, DataResource version) {
		this.publisher.publish(new AuditEvent(UUID.randomUUID(), this.clock.instant(), SERVICE, action,
				AuditOutcome.SUCCESS, AuditEvent.Actor.of(caller), null, version.code(), null, null, MDC.get("traceId"),
				Map.of("version", version.version())));
	}

}
