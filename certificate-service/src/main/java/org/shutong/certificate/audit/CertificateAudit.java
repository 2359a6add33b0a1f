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

	/** The holder or the issuer viewed a certificate (as JSON, PDF or QR). */
	public static final String READ = "certificate.read";

	/** The holder listed their certificates. */
	public static final String LIST = "certificate.list";

	/**
	 * A department took an annotated copy under a use authorisation, or was refused one.
	 */
	public static final String FETCH = "certificate.fetch";

	public static final String AUTHORIZE = "certificate.authorization.grant";

	public static final String WITHDRAW = "certificate.authorization.withdraw";

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
		publish(action, AuditOutcome.SUCCESS, caller, subject(entity, holderReference), certificateId, null, null,
				details);
	}

	/**
	 * A department's use of a holder's certificate, or its refusal.
	 * @param resource the certificate id, or the type code asked for when none was given
	 */
	public void use(String action, AuditOutcome outcome, Caller caller, boolean entity, String holderReference,
			String resource, String serviceItemCode, String purpose, Map<String, Object> details) {
		publish(action, outcome, caller, subject(entity, holderReference), resource, serviceItemCode, purpose, details);
	}

	public void other(String action, @Nullable Caller caller, String resource, Map<String, Object> details) {
		publish(action, AuditOutcome.SUCCESS, caller, null, resource, null, null, details);
	}

	private static AuditEvent.Subject subject(boolean entity, String holderReference) {
		return new AuditEvent.Subject(entity ? AuditEvent.SubjectKind.ENTERPRISE : AuditEvent.SubjectKind.PERSON,
				holderReference);
	}

	private void publish(String action, AuditOutcome outcome, @Nullable Caller caller,
			AuditEvent.@Nullable Subject subject, String resource, @Nullable String serviceItemCode,
			@Nullable String purpose, Map<String, Object> details) {
		this.publisher.publish(new AuditEvent(UUID.randomUUID(), this.clock.instant(), SERVICE, action, outcome,
				actor(caller), subject, resource, serviceItemCode, purpose, MDC.get("traceId"), details));
	}

	private static AuditEvent.Actor actor(@Nullable Caller caller) {
		return (caller != null) ? AuditEvent.Actor.of(caller) : new AuditEvent.Actor(null, SERVICE, null);
	}

}
