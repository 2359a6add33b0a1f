package org.shutong.catalog.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.security.Caller;

import org.springframework.data.domain.Persistable;

/**
 * The record of one query (回执), filled in as the broker goes and stored, with its audit
 * event, when the query ends however it ends. The rows themselves are never kept.
 */
@Entity
@Table(name = "exchange_receipt")
public class Receipt implements Persistable<String> {

	@Id
	@Column(columnDefinition = "char(36)")
	private String id;

	@Column(name = "resource_code")
	private String resourceCode;

	@Column(name = "resource_version")
	private @Nullable Integer resourceVersion;

	@Column(name = "grant_id", columnDefinition = "char(36)")
	private @Nullable String grantId;

	@Column(name = "provider_code", columnDefinition = "char(18)")
	private @Nullable String providerCode;

	@Column(name = "consumer_code", columnDefinition = "char(18)")
	private @Nullable String consumerCode;

	@Column(name = "client_id")
	private @Nullable String clientId;

	@Column(name = "user_id")
	private @Nullable String userId;

	@Column(name = "service_item_code")
	private @Nullable String serviceItemCode;

	private @Nullable String purpose;

	@Column(name = "subject_reference", columnDefinition = "char(64)")
	private @Nullable String subjectReference;

	@Enumerated(EnumType.STRING)
	private AuditOutcome outcome;

	@Column(name = "problem_code")
	private @Nullable String problemCode;

	@Column(name = "row_count")
	private int rowCount;

	@Column(name = "item_count")
	private int itemCount;

	@Convert(converter = ItemList.class)
	private List<String> items = List.of();

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "duration_ms")
	private int durationMillis;

	@Transient
	private AuditEvent.@Nullable SubjectKind subjectKind;

	@Transient
	private boolean stored;

	protected Receipt() {
	}

	Receipt(String id, Caller caller, String resourceCode, QueryRequest request, Instant startedAt) {
		AuditEvent.Actor actor = AuditEvent.Actor.of(caller);
		this.id = id;
		this.resourceCode = clip(resourceCode, 40);
		this.consumerCode = actor.departmentCode();
		this.clientId = clip(actor.clientId(), 100);
		this.userId = clip(actor.userId(), 100);
		this.serviceItemCode = clip(request.serviceItemCode(), 64);
		this.purpose = clip(request.purpose(), 500);
		this.startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
	}

	/** The query reached its grant, for this version of the provider's resource. */
	void granted(String grantId, int resourceVersion, String providerCode) {
		this.grantId = grantId;
		this.resourceVersion = resourceVersion;
		this.providerCode = providerCode;
	}

	void about(AuditEvent.SubjectKind kind, String reference) {
		this.subjectKind = kind;
		this.subjectReference = reference;
	}

	Receipt answered(List<String> items, int rowCount, Duration duration) {
		this.items = ItemList.fitting(items);
		this.itemCount = items.size();
		this.rowCount = rowCount;
		return ended(AuditOutcome.SUCCESS, null, duration);
	}

	Receipt ended(AuditOutcome outcome, @Nullable String problemCode, Duration duration) {
		this.outcome = outcome;
		this.problemCode = problemCode;
		this.durationMillis = (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
		return this;
	}

	void stored() {
		this.stored = true;
	}

	@Override
	public String getId() {
		return this.id;
	}

	/** A receipt is written once, when its query ends: never looked up before saving. */
	@Override
	public boolean isNew() {
		return !this.stored;
	}

	public String id() {
		return this.id;
	}

	public String resourceCode() {
		return this.resourceCode;
	}

	public @Nullable Integer resourceVersion() {
		return this.resourceVersion;
	}

	public @Nullable String grantId() {
		return this.grantId;
	}

	public @Nullable String providerCode() {
		return this.providerCode;
	}

	public @Nullable String consumerCode() {
		return this.consumerCode;
	}

	public @Nullable String clientId() {
		return this.clientId;
	}

	public @Nullable String userId() {
		return this.userId;
	}

	public @Nullable String serviceItemCode() {
		return this.serviceItemCode;
	}

	public @Nullable String purpose() {
		return this.purpose;
	}

	public @Nullable String subjectReference() {
		return this.subjectReference;
	}

	AuditEvent.@Nullable SubjectKind subjectKind() {
		return this.subjectKind;
	}

	public AuditOutcome outcome() {
		return this.outcome;
	}

	public @Nullable String problemCode() {
		return this.problemCode;
	}

	public int rowCount() {
		return this.rowCount;
	}

	/**
	 * The items returned, as many as fit ({@link ItemList#MAX_BYTES}); see
	 * {@link #itemCount()}.
	 */
	public List<String> items() {
		return this.items;
	}

	public int itemCount() {
		return this.itemCount;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public int durationMillis() {
		return this.durationMillis;
	}

	private static @Nullable String clip(@Nullable String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

}
