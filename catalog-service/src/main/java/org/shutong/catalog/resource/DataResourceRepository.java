package org.shutong.catalog.resource;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface DataResourceRepository extends Repository<DataResource, Long> {

	DataResource save(DataResource resource);

	Optional<DataResource> findFirstByCodeOrderByVersionDesc(String code);

	Optional<DataResource> findByCodeAndVersion(String code, int version);

}
