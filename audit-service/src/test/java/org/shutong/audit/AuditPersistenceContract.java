package org.shutong.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.audit.event.LoggedEvent;
import org.shutong.audit.event.LoggedEventRepository;
import org.shutong.audit.log.Appended;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.log.EventLeaves;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class AuditPersistenceContract extends ServiceStartupContract {

	@Autowired
	private AuditLog log;

	@Autowired
	private LoggedEventRepository events;

	@Test
	void appendsAndReadsBackAnEvent() {
		AuditEvent event = EventLeaves.normalized(AuditEvents.query());
		Appended appended = this.log.append(List.of(event)).get(0);

		LoggedEvent stored = this.events.findByEventId(event.eventId().toString()).orElseThrow();
		assertThat(stored.leafIndex()).isEqualTo(appended.leafIndex());
		assertThat(stored.occurredAt()).isEqualTo(event.occurredAt());
		assertThat(stored.subjectReference()).isEqualTo(AuditEvents.CITIZEN);
		assertThat(EventLeaves.parse(stored.leaf())).isEqualTo(event);
	}

}
