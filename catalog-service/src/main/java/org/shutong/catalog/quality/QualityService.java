package org.shutong.catalog.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.exchange.QueryStatistics;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.ResourceCatalogue;
import org.shutong.catalog.resource.ResourceVersion;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses resources' quality and records the providers' update reports.
 */
@Service
public class QualityService {

	/** The query success rate is taken over this many days. */
	static final int SUCCESS_RATE_DAYS = 30;

	private final DataResourceRepository resources;

	private final UpdateReportRepository reports;

	private final ResourceCatalogue catalogue;

	private final QueryStatistics queries;

	private final Clock clock;

	QualityService(DataResourceRepository resources, UpdateReportRepository reports, ResourceCatalogue catalogue,
			QueryStatistics queries, Clock clock) {
		this.resources = resources;
		this.reports = reports;
		this.catalogue = catalogue;
		this.queries = queries;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public QualityIndicators assess(String code) {
		DataResource newest = this.resources.findFirstByCodeOrderByVersionDesc(code)
			.orElseThrow(() -> ResourceCatalogue.notFound(code));
		List<ResourceVersion> versions = this.resources.findVersions(code);
		Instant publishedAt = versions.get(0).createdAt();
		Instant lastUpdatedAt = this.reports.findFirstByResourceCodeOrderByUpdatedAtDescIdDesc(code)
			.map(UpdateReport::updatedAt)
			.orElse(null);
		Instant now = now();
		return new QualityIndicators(code, newest.version(), Completeness.of(newest),
				Freshness.of(newest.grading().updateCycle(), lastUpdatedAt, publishedAt, now),
				querySuccessRate(code, now), now);
	}

	private QualityIndicators.QuerySuccessRate querySuccessRate(String code, Instant now) {
		QueryStatistics.SuccessRate rate = this.queries.successRate(code,
				now.minus(SUCCESS_RATE_DAYS, ChronoUnit.DAYS));
		return (rate != null)
				? new QualityIndicators.QuerySuccessRate(rate.value(), rate.answered(), rate.asked(), SUCCESS_RATE_DAYS)
				: new QualityIndicators.QuerySuccessRate(null, 0, 0, SUCCESS_RATE_DAYS);
	}

	/**
	 * Records that the provider updated the resource's data at {@code updatedAt}: only
	 * the providing department, of a resource not retired, not a time to come.
	 */
	@Transactional
	public UpdateReport report(Caller caller, String code, @Nullable Instant updatedAt) {
		this.catalogue.changeable(caller, code);
		Instant now = now();
		if (updatedAt == null || updatedAt.isAfter(now)) {
			String message = (updatedAt == null) ? "must not be null" : "must not be in the future";
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The update report is invalid.", List.of(new FieldError("updatedAt", message))));
		}
		String person = caller.subject().equals(caller.clientId()) ? null : caller.subject();
		return this.reports
			.save(new UpdateReport(code, updatedAt.truncatedTo(ChronoUnit.SECONDS), now, caller.clientId(), person));
	}

	private Instant now() {
		// Whole seconds, as everything the catalogue stores (Connector/J on MariaDB).
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

}
