package org.shutong.gateway.department;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.shutong.platform.identity.CreditCode;

/**
 * A government department registered on the platform.
 */
@Entity
@Table(name = "department")
public class Department {

	@Id
	@Column(name = "credit_code", length = 18, columnDefinition = "char(18)")
	private String creditCode;

	private String name;

	private String region;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Department() {
	}

	public Department(CreditCode creditCode, String name, String region, Instant createdAt) {
		this.creditCode = creditCode.value();
		this.name = name;
		this.region = region;
		this.createdAt = createdAt;
	}

	public CreditCode creditCode() {
		return new CreditCode(this.creditCode);
	}

	public String name() {
		return this.name;
	}

	public String region() {
		return this.region;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
