package org.shutong.audit.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditOutcome;

/**
 * One entry of the append-only audit log as stored: the columns searches filter on, and
 * the leaf, the exact bytes hashed into the Merkle tree. Immutable: Hibernate never
 * issues an UPDATE for it, and the log writes it through {@code EventRows}, never through
 * JPA.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class LoggedEvent {

	@Id
	@Column(name = "leaf_index")
	private long leafIndex;

	@Column(name = "event_id", columnDefinition = "char(36)")
	private String eventId;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "received_at")
	private Instant receivedAt;

	private String action;

	@Enumerated(EnumType.STRING)
	private AuditOutcome outcome;

	@Column(name = "actor_department", columnDefinition = "char(18)")
	private String actorDepartment;

	@Column(name = "subject_reference")
	private String subjectReference;

	private String resource;

	@Column(name = "service_item_code")
	private String serviceItemCode;

	@Column(name = "leaf", columnDefinition = "varbinary(8000)")
	private byte[] leaf;

	protected LoggedEvent() {
	}

	public long leafIndex() {
		return this.leafIndex;
	}

	public String eventId() {
		return this.eventId;
	}

	public Instant occurredAt() {
		return this.occurredAt;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public String action() {
		return this.action;
	}

	public AuditOutcome outcome() {
		return this.outcome;
	}

	public @Nullable String actorDepartment() {
		return this.actorDepartment;
	}

	public @Nullable String subjectReference() {
		return this.subjectReference;
	}

	public @Nullable String resource() {
		return this.resource;
	}

	public @Nullable String serviceItemCode() {
		return this.serviceItemCode;
	}

	public byte[] leaf() {
		return this.leaf.clone();
	}

}
