package org.shutong.catalog.resource;

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
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.engine.backend.types.Sortable;

/**
 * One version of a catalogue entry: what a department shares, how it is graded and where
 * the platform fetches it. Only the current version of each resource is in the search
 * index ({@link ResourceCatalogue} indexes each new version and removes the one before).
 */
@Entity
@Table(name = "data_resource")
@Indexed(index = "data_resource")
public class DataResource {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@KeywordField(sortable = Sortable.YES)
	private String code;

	private int version;

	/**
	 * Whether this is the newest version; a new version is, until a newer one follows.
	 */
	@Column(name = "is_current")
	private boolean current = true;

	@KeywordField
	@Column(name = "provider_code", columnDefinition = "char(18)")
	private String providerCode;

	@FullTextField(analyzer = CatalogAnalysis.ANALYZER)
	private String name;

	@FullTextField(analyzer = CatalogAnalysis.ANALYZER)
	private String description;

	@KeywordField
	private String category;

	@GenericField
	@Column(name = "security_level")
	private short securityLevel;

	@KeywordField
	@Enumerated(EnumType.STRING)
	@Column(name = "sharing_type")
	private SharingType sharingType;

	@Column(name = "sharing_condition")
	private String sharingCondition;

	@Enumerated(EnumType.STRING)
	@Column(name = "open_type")
	private OpenType openType;

	@Enumerated(EnumType.STRING)
	@Column(name = "update_cycle")
	private UpdateCycle updateCycle;

	@Column(name = "endpoint_url")
	private String endpointUrl;

	@Column(name = "endpoint_method")
	private String endpointMethod;

	@KeywordField
	@Enumerated(EnumType.STRING)
	private ResourceStatus status;

	@Column(name = "retired_reason")
	private String retiredReason;

	@Column(name = "created_at")
	private Instant createdAt;

	@IndexedEmbedded(includePaths = "name")
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "data_item", joinColumns = @JoinColumn(name = "resource_id"))
	@OrderColumn(name = "position")
	private List<DataItem> items = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "endpoint_parameter", joinColumns = @JoinColumn(name = "resource_id"))
	@OrderColumn(name = "position")
	private List<EndpointParameter> parameters = new ArrayList<>();

	protected DataResource() {
	}

	public DataResource(String code, int version, String providerCode, Description description, Grading grading,
			Endpoint endpoint, List<DataItem> items, Instant createdAt) {
		this(code, version, providerCode, description, grading, endpoint, List.of(), items, createdAt);
	}

	public DataResource(String code, int version, String providerCode, Description description, Grading grading,
			Endpoint endpoint, List<EndpointParameter> parameters, List<DataItem> items, Instant createdAt) {
		this.code = code;
		this.version = version;
		this.providerCode = providerCode;
		this.name = description.name();
		this.description = description.text();
		this.category = description.category();
		this.securityLevel = (short) grading.securityLevel();
		this.sharingType = grading.sharingType();
		this.sharingCondition = grading.sharingCondition();
		this.openType = grading.openType();
		this.updateCycle = grading.updateCycle();
		this.endpointUrl = endpoint.url();
		this.endpointMethod = endpoint.method();
		this.status = ResourceStatus.ACTIVE;
		this.items = new ArrayList<>(items);
		this.parameters = new ArrayList<>(parameters);
		this.createdAt = createdAt;
	}

	/**
	 * The next version of this resource with what the provider now says; this version
	 * stays as it is.
	 */
	public DataResource nextVersion(ResourceDraft draft, Instant at) {
		return new DataResource(this.code, this.version + 1, this.providerCode, draft.description(), draft.grading(),
				draft.endpoint(), draft.parameters(), draft.items(), at);
	}

	/**
	 * The next version of this resource, unchanged but retired; this version stays as it
	 * is, so what was granted on it stays readable.
	 */
	public DataResource retiredVersion(String reason, Instant at) {
		DataResource retired = new DataResource(this.code, this.version + 1, this.providerCode, description(),
				grading(), endpoint(), this.parameters, this.items, at);
		retired.status = ResourceStatus.RETIRED;
		retired.retiredReason = reason;
		return retired;
	}

	/**
	 * What a resource is: name, free text and category.
	 */
	public record Description(String name, String text, String category) {
	}

	/**
	 * How a resource is classified, graded and shared.
	 */
	public record Grading(int securityLevel, SharingType sharingType, String sharingCondition, OpenType openType,
			UpdateCycle updateCycle) {
	}

	/**
	 * The provider's own query API that the exchange broker calls.
	 */
	public record Endpoint(String url, String method) {
	}

	public Long id() {
		return this.id;
	}

	public String code() {
		return this.code;
	}

	public int version() {
		return this.version;
	}

	public String providerCode() {
		return this.providerCode;
	}

	public Description description() {
		return new Description(this.name, this.description, this.category);
	}

	public Grading grading() {
		return new Grading(this.securityLevel, this.sharingType, this.sharingCondition, this.openType,
				this.updateCycle);
	}

	public Endpoint endpoint() {
		return new Endpoint(this.endpointUrl, this.endpointMethod);
	}

	public ResourceStatus status() {
		return this.status;
	}

	public List<DataItem> items() {
		return List.copyOf(this.items);
	}

	public List<EndpointParameter> parameters() {
		return List.copyOf(this.parameters);
	}

	/** Why the provider retired the resource, when it did and said why. */
	public String retiredReason() {
		return this.retiredReason;
	}

	public boolean isRetired() {
		return this.status == ResourceStatus.RETIRED;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public void retire() {
		this.status = ResourceStatus.RETIRED;
	}

}
