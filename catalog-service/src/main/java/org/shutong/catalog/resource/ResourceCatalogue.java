package org.shutong.catalog.resource;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing, updating and retiring catalogue resources. Every change is a new version
 * row (earlier versions are never changed) and an audit event in the same transaction.
 * Only the providing department changes its resources.
 */
@Service
public class ResourceCatalogue {

	private final DataResourceRepository resources;

	private final ResourceCodes codes;

	private final ResourceAudit audit;

	private final CurrentVersions currentVersions;

	private final EntityManager entityManager;

	private final Clock clock = Clock.systemUTC();

	ResourceCatalogue(DataResourceRepository resources, ResourceCodes codes, ResourceAudit audit,
			CurrentVersions currentVersions, EntityManager entityManager) {
		this.resources = resources;
		this.codes = codes;
		this.audit = audit;
		this.currentVersions = currentVersions;
		this.entityManager = entityManager;
	}

	/** Publishes version 1 of a new resource, provided by the caller's department. */
	@Transactional
	public DataResource publish(Caller caller, ResourceDraft draft) {
		String provider = department(caller);
		String code = this.codes.next(draft.category(), provider);
		DataResource published = this.resources.save(new DataResource(code, 1, provider, draft.description(),
				draft.grading(), draft.endpoint(), draft.parameters(), draft.items(), now()));
		index(null, published);
		this.currentVersions.added(code);
		this.audit.changed(ResourceAudit.PUBLISH, caller, published);
		return published;
	}

	/** Publishes the next version of a resource; a concurrent update of it is a 409. */
	@Transactional
	public DataResource update(Caller caller, String code, ResourceDraft draft) {
		DataResource latest = changeable(caller, code);
		DataResource updated = this.resources.save(latest.nextVersion(draft, now()));
		this.resources.supersede(code, updated.version());
		index(latest, updated);
		this.currentVersions.added(code);
		this.audit.changed(ResourceAudit.UPDATE, caller, updated);
		return updated;
	}

	/** Retires a resource: its next version, unchanged but with status RETIRED. */
	@Transactional
	public DataResource retire(Caller caller, String code, @Nullable String reason) {
		DataResource latest = changeable(caller, code);
		DataResource retired = this.resources.save(latest.retiredVersion(reason, now()));
		this.resources.supersede(code, retired.version());
		index(latest, retired);
		this.currentVersions.added(code);
		this.audit.changed(ResourceAudit.RETIRE, caller, retired);
		return retired;
	}

	/** The newest version, which the caller's department provides and has not retired. */
	public DataResource changeable(Caller caller, String code) {
		String department = department(caller);
		DataResource latest = this.resources.findFirstByCodeOrderByVersionDesc(code).orElseThrow(() -> notFound(code));
		if (!latest.providerCode().equals(department)) {
			throw new ProblemException(ResourceProblem.NOT_PROVIDER,
					"Only the providing department changes resource " + code + ".");
		}
		if (latest.isRetired()) {
			throw new ProblemException(ResourceProblem.RESOURCE_RETIRED, "Resource " + code + " is retired.");
		}
		return latest;
	}

	/**
	 * The caller's department, which provides what it publishes.
	 * @throws ProblemException 403 when the token names no (valid) department
	 */
	public String requireDepartment(Caller caller) {
		return department(caller);
	}

	public static ProblemException notFound(String code) {
		return new ProblemException(ResourceProblem.RESOURCE_NOT_FOUND, "No resource " + code + ".");
	}

	private static String department(Caller caller) {
		String department = caller.departmentCode();
		if (department == null || !CreditCode.isValid(department)) {
			throw new ProblemException(ResourceProblem.NO_DEPARTMENT,
					"Only a department's system publishes and changes resources; the token names no department.");
		}
		return department;
	}

	/**
	 * Puts the new version in the search index in place of the one it follows, when the
	 * transaction commits (nothing when it rolls back).
	 */
	private void index(@Nullable DataResource previous, DataResource current) {
		SearchIndexingPlan plan = Search.session(this.entityManager).indexingPlan();
		if (previous != null) {
			plan.purge(DataResource.class, previous.id(), null);
		}
		plan.addOrUpdate(current);
	}

	private Instant now() {
		// Whole seconds: MySQL Connector/J drops the fraction when talking to MariaDB
		// (which it
		// takes for a 5.5 server), and what is answered must equal what is read back.
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

}
