package org.shutong.catalog.resource;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface DataResourceRepository extends Repository<DataResource, Long> {

	DataResource save(DataResource resource);

	Optional<DataResource> findFirstByCodeOrderByVersionDesc(String code);

	Optional<DataResource> findByCodeAndVersion(String code, int version);

	/**
	 * The newest version of each resource, when that version is active, by code. A
	 * resource whose newest version is retired is not listed by an older one.
	 */
	@Query("""
			SELECT new org.shutong.catalog.resource.ResourceSummary(r.code, r.version, r.name, r.providerCode,
				r.category, r.securityLevel, r.sharingType)
			FROM DataResource r
			WHERE r.status = org.shutong.catalog.resource.ResourceStatus.ACTIVE
				AND r.version = (SELECT MAX(newer.version) FROM DataResource newer WHERE newer.code = r.code)
			ORDER BY r.code""")
	List<ResourceSummary> findNewestActive(Pageable page);

}
