package org.shutong.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditEvent.Subject;
import org.shutong.platform.audit.AuditEvent.SubjectKind;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.identity.CreditCode;

/**
 * Access events for tests, built from a department's query of one person's data (as
 * {@link AuditEvents#query} sends it) by changing one thing at a time.
 */
public final class AccessEvents {

	private static final AtomicLong DEPARTMENTS = new AtomicLong(
			ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));

	private String action = "exchange.query";

	private AuditOutcome outcome = AuditOutcome.SUCCESS;

	private @Nullable String department;

	private @Nullable Subject subject = new Subject(SubjectKind.PERSON, AuditEvents.CITIZEN);

	private @Nullable String serviceItemCode = "S-0001";

	private final Map<String, Object> details = new HashMap<>(Map.of("rows", 1));

	private final Instant occurredAt;

	private AccessEvents(@Nullable String department, Instant occurredAt) {
		this.department = department;
		this.occurredAt = occurredAt;
	}

	/** A department no other test uses, with a valid credit code. */
	public static String newDepartment() {
		String first17 = "11330100" + DEPARTMENTS.incrementAndGet();
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** A holder reference of its own for each number. */
	public static String person(int number) {
		return String.format("%064x", number + 1L);
	}

	public static AccessEvents by(@Nullable String department, Instant occurredAt) {
		return new AccessEvents(department, occurredAt);
	}

	public AccessEvents action(String action) {
		this.action = action;
		return this;
	}

	public AccessEvents outcome(AuditOutcome outcome) {
		this.outcome = outcome;
		return this;
	}

	public AccessEvents person(String reference) {
		this.subject = new Subject(SubjectKind.PERSON, reference);
		return this;
	}

	public AccessEvents enterprise(String reference) {
		this.subject = new Subject(SubjectKind.ENTERPRISE, reference);
		return this;
	}

	public AccessEvents noSubject() {
		this.subject = null;
		return this;
	}

	public AccessEvents serviceItem(@Nullable String code) {
		this.serviceItemCode = code;
		return this;
	}

	public AccessEvents rows(int rows) {
		this.details.put("rows", rows);
		return this;
	}

	public AuditEvent event() {
		return new AuditEvent(UUID.randomUUID(), this.occurredAt, "catalog-service", this.action, this.outcome,
				new Actor(this.department, (this.department != null) ? "test-system" : null, null), this.subject,
				"GA-00000001", this.serviceItemCode, "测试", null, Map.copyOf(this.details));
	}

}
