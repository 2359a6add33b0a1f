package org.shutong.catalog.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.ResourceStatus;
import org.shutong.catalog.resource.SharingType;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sharing workflow (flow 2): a consumer applies, the provider approves (possibly
 * narrowing the items) or rejects, an approval or an unconditional resource makes a
 * grant, the provider may revoke it. Every change is audited in its own transaction.
 */
@Service
public class SharingService {

	private final DataResourceRepository resources;

	private final ApplicationRepository applications;

	private final GrantRepository grants;

	private final ApplicationChecks checks;

	private final SharingAudit audit;

	private final Clock clock;

	SharingService(DataResourceRepository resources, ApplicationRepository applications, GrantRepository grants,
			ApplicationChecks checks, SharingAudit audit, Clock clock) {
		this.resources = resources;
		this.applications = applications;
		this.grants = grants;
		this.checks = checks;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Files an application for the newest version of a resource: approved at once with a
	 * grant when the resource is shared unconditionally, pending otherwise.
	 */
	@Transactional
	public SharingApplication file(Caller caller, String resourceCode, ApplicationRequest request) {
		String consumer = department(caller);
		DataResource resource = this.resources.findFirstByCodeOrderByVersionDesc(resourceCode)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No resource " + resourceCode + "."));
		if (resource.providerCode().equals(consumer)) {
			throw new ProblemException(SharingProblem.OWN_RESOURCE,
					"Resource " + resourceCode + " is your own department's; it needs no application.");
		}
		if (resource.status() == ResourceStatus.RETIRED) {
			throw new ProblemException(SharingProblem.RESOURCE_RETIRED, "Resource " + resourceCode + " is retired.");
		}
		if (resource.grading().sharingType() == SharingType.NOT_SHARED) {
			throw new ProblemException(SharingProblem.NOT_SHARED,
					"Resource " + resourceCode + " is not shared (不予共享); it cannot be applied for.");
		}
		this.checks.check(request, resource);
		Instant now = this.clock.instant();
		SharingApplication application = this.applications.save(new SharingApplication(
				new SharingApplication.ResourceVersion(resource.code(), resource.version(), resource.providerCode()),
				consumer,
				new SharingApplication.Request(request.purpose(), request.legalBasis(), request.items(),
						request.serviceItemCode(), request.validUntil()),
				new SharingApplication.Filer(caller.clientId(), person(caller)), now));
		this.audit.application(SharingAudit.FILE, caller, application, null);
		if (resource.grading().sharingType() == SharingType.UNCONDITIONAL) {
			Grant grant = grant(application, application.items(), false, now);
			this.audit.application(SharingAudit.APPROVE, null, application, grant);
		}
		return application;
	}

	/**
	 * Approves a pending application, for the items it asked for or some of them.
	 * @param rawValues whether the consumer may see sensitive items unmasked
	 */
	@Transactional
	public Grant approve(Caller caller, String applicationId, @Nullable List<String> items, boolean rawValues) {
		SharingApplication application = decidable(caller, applicationId);
		if (items != null) {
			this.checks.checkNarrowing(items, application);
		}
		Instant now = this.clock.instant();
		if (!application.validUntil().isAfter(now)) {
			throw new ProblemException(SharingProblem.APPLICATION_LAPSED, "Application " + applicationId
					+ " asked for a grant until " + application.validUntil() + ", which has passed.");
		}
		Grant grant = grant(application, (items != null) ? items : application.items(), rawValues, now);
		this.audit.application(SharingAudit.APPROVE, caller, application, grant);
		return grant;
	}

	@Transactional
	public SharingApplication reject(Caller caller, String applicationId, String reason) {
		SharingApplication application = decidable(caller, applicationId);
		application.reject(reason, this.clock.instant());
		this.audit.application(SharingAudit.REJECT, caller, application, null);
		return application;
	}

	@Transactional
	public Grant revoke(Caller caller, String grantId, String reason) {
		String department = department(caller);
		Grant grant = this.grants.findById(grantId)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No grant " + grantId + "."));
		if (!grant.providerCode().equals(department)) {
			throw new ProblemException(SharingProblem.NOT_PROVIDER,
					"Only the provider department of grant " + grantId + " may revoke it.");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (this.grants.revoke(grantId, reason, now) == 0) {
			throw new ProblemException(SharingProblem.GRANT_NOT_ACTIVE,
					"Grant " + grantId + " is " + grant.statusAt(now) + "; only an active grant can be revoked.");
		}
		Grant revoked = this.grants.findById(grantId).orElseThrow();
		this.audit.grant(SharingAudit.REVOKE, caller, revoked);
		return revoked;
	}

	/**
	 * The grant that lets a consumer query a resource for a service item at {@code now},
	 * if any: active and not past its time. For the exchange broker, which reads it for
	 * every query (never from a cache), with its items in the same statement.
	 */
	@Transactional(readOnly = true)
	public Optional<Grant> liveGrant(String consumerDepartment, String resourceCode, String serviceItemCode,
			Instant now) {
		return this.grants.findLive(consumerDepartment, resourceCode, serviceItemCode, now);
	}

	/**
	 * The newest grant of a consumer for a resource and service item, whatever its
	 * status: tells the broker why a query without a live grant is refused.
	 */
	@Transactional(readOnly = true)
	public Optional<Grant> newestGrant(String consumerDepartment, String resourceCode, String serviceItemCode) {
		return this.grants.findNewest(consumerDepartment, resourceCode, serviceItemCode, PageRequest.of(0, 1))
			.stream()
			.findFirst();
	}

	private SharingApplication decidable(Caller caller, String applicationId) {
		String department = department(caller);
		SharingApplication application = this.applications.findById(applicationId)
			.orElseThrow(
					() -> new ProblemException(PlatformProblem.NOT_FOUND, "No application " + applicationId + "."));
		if (application.consumerCode().equals(department)) {
			throw new ProblemException(SharingProblem.OWN_APPLICATION,
					"A department never decides its own application.");
		}
		if (!application.providerCode().equals(department)) {
			throw new ProblemException(SharingProblem.NOT_PROVIDER,
					"Only the provider department of application " + applicationId + " may decide it.");
		}
		if (application.status() != ApplicationStatus.PENDING) {
			throw new ProblemException(SharingProblem.APPLICATION_DECIDED,
					"Application " + applicationId + " is already " + application.status() + ".");
		}
		return application;
	}

	private Grant grant(SharingApplication application, List<String> items, boolean rawValues, Instant now) {
		application.approve(now);
		return this.grants.save(new Grant(application, items, rawValues, now));
	}

	/** The caller's department; a token without one is refused (403). */
	public static String department(Caller caller) {
		if (caller.departmentCode() == null || caller.departmentCode().isBlank()) {
			throw new ProblemException(SharingProblem.NO_DEPARTMENT, "The token names no department.");
		}
		return caller.departmentCode();
	}

	private static @Nullable String person(Caller caller) {
		return caller.subject().equals(caller.clientId()) ? null : caller.subject();
	}

}
