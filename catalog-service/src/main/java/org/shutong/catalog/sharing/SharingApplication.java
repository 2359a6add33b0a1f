package org.shutong.catalog.sharing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A consumer department's application (共享申请) for items of one version of a resource.
 */
@Entity
@Table(name = "sharing_application")
public class SharingApplication {

	@Id
	@Column(columnDefinition = "char(36)")
	private String id;

	@Column(name = "resource_code")
	private String resourceCode;

	@Column(name = "resource_version")
	private int resourceVersion;

	@Column(name = "provider_code", columnDefinition = "char(18)")
	private String providerCode;

	@Column(name = "consumer_code", columnDefinition = "char(18)")
	private String consumerCode;

	private String purpose;

	@Column(name = "legal_basis")
	private String legalBasis;

	@Column(name = "service_item_code")
	private String serviceItemCode;

	@Column(name = "valid_until")
	private Instant validUntil;

	@Enumerated(EnumType.STRING)
	private ApplicationStatus status;

	@Column(name = "filed_at")
	private Instant filedAt;

	@Column(name = "filed_by_client")
	private @Nullable String filedByClient;

	@Column(name = "filed_by_user")
	private @Nullable String filedByUser;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Column(name = "decision_reason")
	private @Nullable String decisionReason;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sharing_application_item", joinColumns = @JoinColumn(name = "application_id"))
	@OrderColumn(name = "position")
	@Column(name = "name")
	private List<String> items = new ArrayList<>();

	protected SharingApplication() {
	}

	SharingApplication(ResourceVersion resource, String consumerCode, Request request, Filer filer, Instant filedAt) {
		this.id = UUID.randomUUID().toString();
		this.resourceCode = resource.code();
		this.resourceVersion = resource.version();
		this.providerCode = resource.providerCode();
		this.consumerCode = consumerCode;
		this.purpose = request.purpose();
		this.legalBasis = request.legalBasis();
		this.serviceItemCode = request.serviceItemCode();
		// The database keeps microseconds.
		this.validUntil = request.validUntil().truncatedTo(ChronoUnit.MICROS);
		this.items = new ArrayList<>(request.items());
		this.status = ApplicationStatus.PENDING;
		this.filedAt = filedAt.truncatedTo(ChronoUnit.MICROS);
		this.filedByClient = filer.clientId();
		this.filedByUser = filer.userId();
	}

	/** The resource version applied for and its provider. */
	record ResourceVersion(String code, int version, String providerCode) {
	}

	/** What the consumer asks for. */
	public record Request(String purpose, String legalBasis, List<String> items, String serviceItemCode,
			Instant validUntil) {
	}

	/** The system and person who filed it. */
	record Filer(@Nullable String clientId, @Nullable String userId) {
	}

	void approve(Instant at) {
		this.status = ApplicationStatus.APPROVED;
		this.decidedAt = at.truncatedTo(ChronoUnit.MICROS);
	}

	void reject(String reason, Instant at) {
		this.status = ApplicationStatus.REJECTED;
		this.decisionReason = reason;
		this.decidedAt = at.truncatedTo(ChronoUnit.MICROS);
	}

	public boolean concerns(String departmentCode) {
		return departmentCode.equals(this.providerCode) || departmentCode.equals(this.consumerCode);
	}

	public String id() {
		return this.id;
	}

	public String resourceCode() {
		return this.resourceCode;
	}

	public int resourceVersion() {
		return this.resourceVersion;
	}

	public String providerCode() {
		return this.providerCode;
	}

	public String consumerCode() {
		return this.consumerCode;
	}

	public String purpose() {
		return this.purpose;
	}

	public String legalBasis() {
		return this.legalBasis;
	}

	public String serviceItemCode() {
		return this.serviceItemCode;
	}

	public Instant validUntil() {
		return this.validUntil;
	}

	public ApplicationStatus status() {
		return this.status;
	}

	public Instant filedAt() {
		return this.filedAt;
	}

	public @Nullable Instant decidedAt() {
		return this.decidedAt;
	}

	public @Nullable String decisionReason() {
		return this.decisionReason;
	}

	public List<String> items() {
		return List.copyOf(this.items);
	}

}
