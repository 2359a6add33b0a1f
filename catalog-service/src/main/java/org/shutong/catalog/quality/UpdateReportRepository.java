package org.shutong.catalog.quality;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface UpdateReportRepository extends Repository<UpdateReport, Long> {

	UpdateReport save(UpdateReport report);

	/** The report of the latest update, whatever order the reports came in. */
	Optional<UpdateReport> findFirstByResourceCodeOrderByUpdatedAtDescIdDesc(String resourceCode);

}
