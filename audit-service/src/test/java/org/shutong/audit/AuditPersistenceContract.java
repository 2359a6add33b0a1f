package org.shutong.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.audit.event.AuditEvent;
import org.shutong.audit.event.AuditEventRepository;
import org.shutong.audit.event.EventRecord;
import org.shutong.audit.event.Outcome;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class AuditPersistenceContract extends ServiceStartupContract {

	@Autowired
	private AuditEventRepository events;

	@Test
	void appendsAndReadsBackAnEvent() {
		String eventId = UUID.randomUUID().toString();
		long leafIndex = System.nanoTime();
		EventRecord record = new EventRecord(eventId, Instant.parse("2026-11-23T08:00:00Z"), "catalog-service",
				"EXCHANGE_QUERY", Outcome.SUCCESS, new EventRecord.Actor("11100000000013338W", "mz-system", null),
				new EventRecord.Subject("PERSON", "hmac:3f2a"), "MZ-00000001", "S-0001", "婚姻登记", "trace-1");
		this.events.save(new AuditEvent(leafIndex, record, Instant.now(), new byte[] { 1, 2, 3 }));

		AuditEvent stored = this.events.findByEventId(eventId).orElseThrow();
		assertThat(stored.leafIndex()).isEqualTo(leafIndex);
		assertThat(stored.record()).isEqualTo(record);
		assertThat(stored.leaf()).containsExactly(1, 2, 3);
	}

}
