package org.shutong.certificate.type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A kind of certificate (证照类型), issued by one department only.
 */
@Entity
@Table(name = "certificate_type")
public class CertificateType {

	@Id
	private String code;

	private String name;

	@Column(name = "issuer_department_code", columnDefinition = "char(18)")
	private String issuerDepartmentCode;

	@Enumerated(EnumType.STRING)
	@Column(name = "holder_kind")
	private HolderKind holderKind;

	@Column(name = "validity_years")
	private Integer validityYears;

	@Column(name = "created_at")
	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "certificate_type_field", joinColumns = @JoinColumn(name = "type_code"))
	@OrderColumn(name = "position")
	private List<SurfaceField> fields = new ArrayList<>();

	protected CertificateType() {
	}

	public CertificateType(String code, String name, String issuerDepartmentCode, HolderKind holderKind,
			Integer validityYears, List<SurfaceField> fields, Instant createdAt) {
		this.code = code;
		this.name = name;
		this.issuerDepartmentCode = issuerDepartmentCode;
		this.holderKind = holderKind;
		this.validityYears = validityYears;
		this.fields = new ArrayList<>(fields);
		this.createdAt = createdAt;
	}

	public String code() {
		return this.code;
	}

	public String name() {
		return this.name;
	}

	public String issuerDepartmentCode() {
		return this.issuerDepartmentCode;
	}

	public HolderKind holderKind() {
		return this.holderKind;
	}

	public Integer validityYears() {
		return this.validityYears;
	}

	public List<SurfaceField> fields() {
		return List.copyOf(this.fields);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
