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
 * What an approved application allows (共享授权): which department may query which items of
 * which resource version, for which service item, until when.
 */
@Entity
@Table(name = "sharing_grant")
public class Grant {

	@Id
	@Column(columnDefinition = "char(36)")
	private String id;

	@Column(name = "application_id", columnDefinition = "char(36)")
	private String applicationId;

	@Column(name = "resource_code")
	private String resourceCode;

	@Column(name = "resource_version")
	private int resourceVersion;

	@Column(name = "provider_code", columnDefinition = "char(18)")
	private String providerCode;

	@Column(name = "consumer_code", columnDefinition = "char(18)")
	private String consumerCode;

	@Column(name = "service_item_code")
	private String serviceItemCode;

	@Column(name = "valid_until")
	private Instant validUntil;

	@Enumerated(EnumType.STRING)
	private GrantStatus status;

	@Column(name = "granted_at")
	private Instant grantedAt;

	@Column(name = "ended_at")
	private @Nullable Instant endedAt;

	@Column(name = "revoke_reason")
	private @Nullable String revokeReason;

	/**
	 * Whether the provider let the consumer see sensitive items unmasked; masking by
	 * security level applies otherwise.
	 */
	@Column(name = "raw_values")
	private boolean rawValues;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sharing_grant_item", joinColumns = @JoinColumn(name = "grant_id"))
	@OrderColumn(name = "position")
	@Column(name = "name")
	private List<String> items = new ArrayList<>();

	protected Grant() {
	}

	Grant(SharingApplication application, List<String> items, boolean rawValues, Instant grantedAt) {
		this.id = UUID.randomUUID().toString();
		this.applicationId = application.id();
		this.resourceCode = application.resourceCode();
		this.resourceVersion = application.resourceVersion();
		this.providerCode = application.providerCode();
		this.consumerCode = application.consumerCode();
		this.serviceItemCode = application.serviceItemCode();
		this.validUntil = application.validUntil();
		this.items = new ArrayList<>(items);
		this.rawValues = rawValues;
		this.status = GrantStatus.ACTIVE;
		this.grantedAt = grantedAt.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The status at {@code now}: an active grant past its time is expired, whether or not
	 * the expiry has been recorded yet.
	 */
	public GrantStatus statusAt(Instant now) {
		if (this.status == GrantStatus.ACTIVE && !now.isBefore(this.validUntil)) {
			return GrantStatus.EXPIRED;
		}
		return this.status;
	}

	public boolean concerns(String departmentCode) {
		return departmentCode.equals(this.providerCode) || departmentCode.equals(this.consumerCode);
	}

	public String id() {
		return this.id;
	}

	public String applicationId() {
		return this.applicationId;
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

	public String serviceItemCode() {
		return this.serviceItemCode;
	}

	public Instant validUntil() {
		return this.validUntil;
	}

	public Instant grantedAt() {
		return this.grantedAt;
	}

	public @Nullable Instant endedAt() {
		return this.endedAt;
	}

	public @Nullable String revokeReason() {
		return this.revokeReason;
	}

	public boolean rawValues() {
		return this.rawValues;
	}

	public List<String> items() {
		return List.copyOf(this.items);
	}

}
