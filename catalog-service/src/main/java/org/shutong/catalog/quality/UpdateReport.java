package org.shutong.catalog.quality;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A provider's word that it updated a resource's data at a time (更新报告).
 */
@Entity
@Table(name = "resource_update_report")
public class UpdateReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "resource_code")
	private String resourceCode;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "reported_at")
	private Instant reportedAt;

	@Column(name = "reported_by_client")
	private String reportedByClient;

	@Column(name = "reported_by_user")
	private String reportedByUser;

	protected UpdateReport() {
	}

	UpdateReport(String resourceCode, Instant updatedAt, Instant reportedAt, String reportedByClient,
			String reportedByUser) {
		this.resourceCode = resourceCode;
		this.updatedAt = updatedAt;
		this.reportedAt = reportedAt;
		this.reportedByClient = reportedByClient;
		this.reportedByUser = reportedByUser;
	}

	public String resourceCode() {
		return this.resourceCode;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant reportedAt() {
		return this.reportedAt;
	}

}
