package org.shutong.catalog.dcat;

import java.util.List;

import org.shutong.catalog.resource.DataResource;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The current published version of each resource, read in pages by code for the export.
 */
interface PublishedResources extends Repository<DataResource, Long> {

	/**
	 * The next page after {@code after} (by code, exclusive): keyset paging, so a large
	 * catalogue costs the same per page at its end as at its start.
	 */
	@Query("""
			SELECT r FROM DataResource r
			WHERE r.status = org.shutong.catalog.resource.ResourceStatus.ACTIVE
				AND r.version = (SELECT MAX(newer.version) FROM DataResource newer WHERE newer.code = r.code)
				AND r.code > :after
			ORDER BY r.code""")
	List<DataResource> findPageAfter(@Param("after") String after, Pageable page);

}
