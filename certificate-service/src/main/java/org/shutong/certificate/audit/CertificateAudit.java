package org.shutong.certificate.audit;

import java.time.Clock;
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
 * The certificate service's audit events, each published in the transaction of the change
 * it records. A holder is named by holder reference, never by ID number.
 */
@Component
public class CertificateAudit {

	public static final String SERVICE = "certificate-service";

	public static final String ISSUE = "certificate.issue";

	public static final String REVOKE = "certificate.revoke";

	public static final String SUSPEND = "certificate.suspend";

	public static final String RESUME = "certificate.resume";

	public static final String TYPE_CREATE = "certificate.type.create";

	public static final String KEY_ROTATE = "certificate.key.rotate";

	private final AuditPublisher publisher;

	private final Clock clock;

	CertificateAudit(AuditPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * @param caller who acted; none when the service acts on its own (demo data)
	 * @param entity whether the holder is a legal entity rather than a person
	 */
	public void certificate(String action, @Nullable Caller caller, String certificateId, boolean entity,
			String holderReference, Map<String, Object> details) {
		AuditEvent.Subject subject = new AuditEvent.Subject(
				entity ? AuditEvent.SubjectKind.ENTERPRISE : AuditEvent.SubjectKind.PERSON, holderReference);
		publish(action, caller, subject, certificateId, details);
	}

	public void other(String action, @Nullable Caller caller, String resource, Map<String, Object> details) {
		publish(action, caller, null, resource, details);
	}

	private void publish(String action, @Nullable Caller caller, AuditEvent.@Nullable Subject subject, String resource,
			Map<String, Object> details) {
		this.publisher.publish(new AuditEvent(UUID.randomUUID(), this.clock.instant(), SERVICE, action,
				AuditOutcome.SUCCESS, actor(caller), subject, resource, null, null, MDC.get("traceId"), details));
	}

	private static AuditEvent.Actor actor(@Nullable Caller caller) {
		if (caller == null) {
			return new AuditEvent.Actor(null, SERVICE, null);
		}
		// A system's token names itself as subject; a person's names the person.
		String person = caller.subject().equals(caller.clientId()) ? null : caller.subject();
		return new AuditEvent.Actor(caller.departmentCode(), caller.clientId(), person);
	}

}
