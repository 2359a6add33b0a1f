package org.shutong.catalog.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a department may read of applications and grants: those it is party to, as
 * provider or consumer. Another department's are not found.
 */
@Component
@Transactional(readOnly = true)
public class SharingQueries {

	private final ApplicationRepository applications;

	private final GrantRepository grants;

	private final Clock clock;

	SharingQueries(ApplicationRepository applications, GrantRepository grants, Clock clock) {
		this.applications = applications;
		this.grants = grants;
		this.clock = clock;
	}

	public SharingApplication application(Caller caller, String id) {
		String department = SharingService.department(caller);
		return this.applications.findById(id)
			.filter((application) -> application.concerns(department))
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No application " + id + "."));
	}

	public List<SharingApplication> applications(Caller caller, Side side, @Nullable ApplicationStatus status, int page,
			int size) {
		String department = SharingService.department(caller);
		PageRequest request = PageRequest.of(page, size);
		return switch (side) {
			case PROVIDER -> (status != null)
					? this.applications.findByProviderCodeAndStatusOrderByFiledAtDescIdAsc(department, status, request)
					: this.applications.findByProviderCodeOrderByFiledAtDescIdAsc(department, request);
			case CONSUMER -> (status != null)
					? this.applications.findByConsumerCodeAndStatusOrderByFiledAtDescIdAsc(department, status, request)
					: this.applications.findByConsumerCodeOrderByFiledAtDescIdAsc(department, request);
		};
	}

	/** The grant an application led to, if approved. */
	public Optional<Grant> grantOf(SharingApplication application) {
		return this.grants.findByApplicationId(application.id());
	}

	public Grant grant(Caller caller, String id) {
		String department = SharingService.department(caller);
		return this.grants.findById(id)
			.filter((grant) -> grant.concerns(department))
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No grant " + id + "."));
	}

	public List<Grant> grants(Caller caller, Side side, @Nullable GrantStatus status, int page, int size) {
		String department = SharingService.department(caller);
		boolean active = status == null || status == GrantStatus.ACTIVE;
		boolean expired = status == null || status == GrantStatus.EXPIRED;
		boolean revoked = status == null || status == GrantStatus.REVOKED;
		PageRequest request = PageRequest.of(page, size);
		Instant now = this.clock.instant();
		return switch (side) {
			case PROVIDER -> this.grants.findByProvider(department, active, expired, revoked, now, request);
			case CONSUMER -> this.grants.findByConsumer(department, active, expired, revoked, now, request);
		};
	}

	public Instant now() {
		return this.clock.instant();
	}

}
