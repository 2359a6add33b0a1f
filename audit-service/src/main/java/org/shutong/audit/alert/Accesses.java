package org.shutong.audit.alert;

import java.util.Set;

import org.shutong.platform.audit.AuditEvent;

/**
 * Which logged events are accesses to shared data: an actor's department reaching a
 * person's or enterprise's data, or one of the configured access actions whoever the
 * actor.
 */
final class Accesses {

	private final Set<String> actions;

	Accesses(Set<String> actions) {
		this.actions = Set.copyOf(actions);
	}

	boolean isAccess(ScannedEvent scanned) {
		AuditEvent event = scanned.event();
		return (event.actor().departmentCode() != null && event.subject() != null)
				|| this.actions.contains(event.action());
	}

}
