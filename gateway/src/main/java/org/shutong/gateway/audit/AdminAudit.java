package org.shutong.gateway.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.client.PortalClient;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.audit.AuditPublisher;
import org.shutong.platform.security.Caller;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The audit events of the gateway's administration: each change to departments, clients,
 * people and signing keys is published in its own transaction, by the administrator who
 * made it (the person and the client they signed in with, or the system with the
 * {@code admin} scope), or by the gateway itself for what it does on its own (the demo
 * identities of a first start). Events carry identifiers, never a secret or a password.
 */
@Component
public class AdminAudit {

	/** The gateway's name as a producing service and as a client of the audit service. */
	public static final String SERVICE = "gateway";

	public static final String DEPARTMENT_CREATE = "gateway.department.create";

	public static final String CLIENT_CREATE = "gateway.client.create";

	public static final String USER_CREATE = "gateway.user.create";

	public static final String SIGNING_KEY_ROTATE = "gateway.signing_key.rotate";

	private final AuditPublisher publisher;

	private final Clock clock;

	AdminAudit(AuditPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Publishes a successful change in the current transaction.
	 * @param action one of this class's actions
	 * @param resource what was changed, e.g. {@code department/11330100002482100A}
	 * @param subject the person whose data the change touched, if any
	 * @param details identifiers and counts, never a secret
	 */
	public void changed(String action, String resource, AuditEvent.@Nullable Subject subject,
			Map<String, Object> details) {
		this.publisher.publish(new AuditEvent(UUID.randomUUID(), this.clock.instant(), SERVICE, action,
				AuditOutcome.SUCCESS, actor(), subject, resource, null, null, MDC.get("traceId"), details));
	}

	private static AuditEvent.Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			Caller caller = Caller.of(token.getToken());
			// A system's token names itself as subject; a person's names the person.
			String person = caller.subject().equals(caller.clientId()) ? null : caller.subject();
			return new AuditEvent.Actor(caller.departmentCode(), caller.clientId(), person);
		}
		if (authentication instanceof OAuth2AuthenticationToken signIn
				&& signIn.getPrincipal() instanceof OidcUser person) {
			// An administrator at the admin console, signed in through the portal client.
			return new AuditEvent.Actor(person.getClaimAsString(Caller.DEPARTMENT_CLAIM), PortalClient.CLIENT_ID,
					person.getSubject());
		}
		return new AuditEvent.Actor(null, SERVICE, null);
	}

}
