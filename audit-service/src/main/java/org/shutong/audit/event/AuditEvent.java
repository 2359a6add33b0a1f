package org.shutong.audit.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One entry of the append-only audit log. Immutable: Hibernate never issues an UPDATE for
 * it.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@Column(name = "leaf_index")
	private long leafIndex;

	@Column(name = "event_id", columnDefinition = "char(36)")
	private String eventId;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "received_at")
	private Instant receivedAt;

	private String service;

	private String action;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	@Column(name = "actor_department", columnDefinition = "char(18)")
	private String actorDepartment;

	@Column(name = "actor_client")
	private String actorClient;

	@Column(name = "actor_user")
	private String actorUser;

	@Column(name = "subject_kind")
	private String subjectKind;

	@Column(name = "subject_reference")
	private String subjectReference;

	private String resource;

	@Column(name = "service_item_code")
	private String serviceItemCode;

	private String purpose;

	@Column(name = "trace_id")
	private String traceId;

	@Column(name = "leaf", columnDefinition = "varbinary(8000)")
	private byte[] leaf;

	protected AuditEvent() {
	}

	public AuditEvent(long leafIndex, EventRecord record, Instant receivedAt, byte[] leaf) {
		this.leafIndex = leafIndex;
		this.eventId = record.eventId();
		this.occurredAt = record.occurredAt();
		this.receivedAt = receivedAt;
		this.service = record.service();
		this.action = record.action();
		this.outcome = record.outcome();
		this.actorDepartment = record.actor().departmentCode();
		this.actorClient = record.actor().clientId();
		this.actorUser = record.actor().userId();
		this.subjectKind = record.subject().kind();
		this.subjectReference = record.subject().reference();
		this.resource = record.resource();
		this.serviceItemCode = record.serviceItemCode();
		this.purpose = record.purpose();
		this.traceId = record.traceId();
		this.leaf = leaf.clone();
	}

	public long leafIndex() {
		return this.leafIndex;
	}

	public EventRecord record() {
		return new EventRecord(this.eventId, this.occurredAt, this.service, this.action, this.outcome,
				new EventRecord.Actor(this.actorDepartment, this.actorClient, this.actorUser),
				new EventRecord.Subject(this.subjectKind, this.subjectReference), this.resource, this.serviceItemCode,
				this.purpose, this.traceId);
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public byte[] leaf() {
		return this.leaf.clone();
	}

}
