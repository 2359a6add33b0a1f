package org.shutong.catalog.resource;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface DataResourceRepository extends Repository<DataResource, Long> {

	DataResource save(DataResource resource);

	Optional<DataResource> findFirstByCodeOrderByVersionDesc(String code);

	Optional<DataResource> findByCodeAndVersion(String code, int version);

	/**
	 * The newest version of a resource with its items and parameters, in one statement (a
	 * row per item and parameter: tens of items, a few parameters).
	 */
	@Query("""
			SELECT r FROM DataResource r LEFT JOIN FETCH r.items LEFT JOIN FETCH r.parameters
			WHERE r.code = :code AND r.version = (SELECT MAX(n.version) FROM DataResource n WHERE n.code = :code)""")
	Optional<DataResource> findNewestWithDefinition(@Param("code") String code);

	/** Marks every version before {@code version} as no longer the current one. */
	@Transactional
	@Modifying(flushAutomatically = true)
	@Query("UPDATE DataResource r SET r.current = false WHERE r.code = :code AND r.version < :version")
	int supersede(@Param("code") String code, @Param("version") int version);

	/**
	 * The newest version of each resource, when that version is active, by code. A
	 * resource whose newest version is retired is not listed by an older one.
	 */
	@Query("""
			SELECT new org.shutong.catalog.resource.ResourceSummary(r.code, r.version, r.name, r.providerCode,
				r.category, r.securityLevel, r.sharingType)
			FROM DataResource r
			WHERE r.status = org.shutong.catalog.resource.ResourceStatus.ACTIVE
				AND r.current = true
			ORDER BY r.code""")
	List<ResourceSummary> findNewestActive(Pageable page);

	/**
	 * The newest version of each resource whose newest version has this status and
	 * matches every filter given (a null filter matches anything), by code.
	 */
	@Query(value = """
			SELECT new org.shutong.catalog.resource.ResourceSummary(r.code, r.version, r.name, r.providerCode,
				r.category, r.securityLevel, r.sharingType)
			FROM DataResource r
			WHERE r.status = :status
				AND r.current = true
				AND (:category IS NULL OR r.category = :category)
				AND (:sharingType IS NULL OR r.sharingType = :sharingType)
				AND (:provider IS NULL OR r.providerCode = :provider)
				AND (:securityLevel IS NULL OR r.securityLevel = :securityLevel)
			ORDER BY r.code""", countQuery = """
			SELECT COUNT(r) FROM DataResource r
			WHERE r.status = :status
				AND r.current = true
				AND (:category IS NULL OR r.category = :category)
				AND (:sharingType IS NULL OR r.sharingType = :sharingType)
				AND (:provider IS NULL OR r.providerCode = :provider)
				AND (:securityLevel IS NULL OR r.securityLevel = :securityLevel)""")
	Page<ResourceSummary> findNewest(@Param("status") ResourceStatus status,
			@Param("category") @Nullable String category, @Param("sharingType") @Nullable SharingType sharingType,
			@Param("provider") @Nullable String provider, @Param("securityLevel") @Nullable Short securityLevel,
			Pageable page);

	/** Every version of a resource, oldest first; empty for an unknown code. */
	@Query("""
			SELECT new org.shutong.catalog.resource.ResourceVersion(r.version, r.status, r.name, r.createdAt)
			FROM DataResource r WHERE r.code = :code ORDER BY r.version""")
	List<ResourceVersion> findVersions(@Param("code") String code);

}
