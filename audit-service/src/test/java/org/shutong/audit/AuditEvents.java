package org.shutong.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditEvent.Subject;
import org.shutong.platform.audit.AuditEvent.SubjectKind;
import org.shutong.platform.audit.AuditOutcome;

/**
 * Audit events as the services send them, for tests.
 */
public final class AuditEvents {

	/** 市民政局, the demo civil affairs department. */
	public static final String CIVIL_AFFAIRS = "113301000024825001";

	/** A holder reference (the HMAC of some citizen's ID number). */
	public static final String CITIZEN = "3f2a6c1be0d94c7a8e5f1b2d3c4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2";

	private AuditEvents() {
	}

	/** A civil affairs system querying a citizen's marriage record. */
	public static AuditEvent query(UUID eventId, Instant occurredAt) {
		return new AuditEvent(eventId, occurredAt, "catalog-service", "exchange.query", AuditOutcome.SUCCESS,
				new Actor(CIVIL_AFFAIRS, "civil-affairs-system", null), new Subject(SubjectKind.PERSON, CITIZEN),
				"GA-00000001", "S-0001", "婚姻登记", "4bf92f3577b34da6a3ce929d0e0e4736", Map.of("rows", 1));
	}

	public static AuditEvent query() {
		return query(UUID.randomUUID(), Instant.now());
	}

	/** {@code count} fresh queries. */
	public static List<AuditEvent> queries(int count) {
		return Stream.generate(AuditEvents::query).limit(count).toList();
	}

	/** Like {@link #query()}, with whatever a test changes. */
	public static Builder event() {
		return new Builder();
	}

	public static final class Builder {

		private Instant occurredAt = Instant.now();

		private String action = "exchange.query";

		private AuditOutcome outcome = AuditOutcome.SUCCESS;

		private @Nullable String department = CIVIL_AFFAIRS;

		private @Nullable String client = "civil-affairs-system";

		private @Nullable String user;

		private @Nullable Subject subject = new Subject(SubjectKind.PERSON, CITIZEN);

		private @Nullable String resource = "GA-00000001";

		private @Nullable String serviceItem = "S-0001";

		private @Nullable String purpose = "婚姻登记";

		private @Nullable Map<String, Object> details = Map.of("rows", 1);

		private Builder() {
		}

		public Builder occurredAt(Instant occurredAt) {
			this.occurredAt = occurredAt;
			return this;
		}

		public Builder action(String action) {
			this.action = action;
			return this;
		}

		public Builder outcome(AuditOutcome outcome) {
			this.outcome = outcome;
			return this;
		}

		public Builder actor(@Nullable String department, @Nullable String client, @Nullable String user) {
			this.department = department;
			this.client = client;
			this.user = user;
			return this;
		}

		public Builder department(@Nullable String department) {
			this.department = department;
			return this;
		}

		public Builder subject(@Nullable String holder) {
			this.subject = (holder != null) ? new Subject(SubjectKind.PERSON, holder) : null;
			return this;
		}

		public Builder resource(@Nullable String resource) {
			this.resource = resource;
			return this;
		}

		public Builder serviceItem(@Nullable String serviceItem) {
			this.serviceItem = serviceItem;
			return this;
		}

		public Builder purpose(@Nullable String purpose) {
			this.purpose = purpose;
			return this;
		}

		public Builder details(@Nullable Map<String, Object> details) {
			this.details = details;
			return this;
		}

		public AuditEvent build() {
			return new AuditEvent(UUID.randomUUID(), this.occurredAt, "catalog-service", this.action, this.outcome,
					new Actor(this.department, this.client, this.user), this.subject, this.resource, this.serviceItem,
					this.purpose, "4bf92f3577b34da6a3ce929d0e0e4736", this.details);
		}

	}

}
