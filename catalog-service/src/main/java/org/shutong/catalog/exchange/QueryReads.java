package org.shutong.catalog.exchange;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.shutong.catalog.exchange.provider.ProviderAllowlist;
import org.shutong.catalog.exchange.provider.ProviderSystem;
import org.shutong.catalog.resource.CurrentVersions;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.GrantStatus;
import org.shutong.catalog.sharing.SharingProblem;
import org.shutong.catalog.sharing.SharingService;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a query's checks read, in one read-only transaction: the resource's current
 * version, the allowlist entry of its endpoint's host, and the consumer's live grant. The
 * first two usually come from what this instance keeps for a few seconds
 * ({@link CurrentVersions#KEPT}, {@link ProviderAllowlist#ENTRY_KEPT}); the grant is read
 * every time, with its items in the same statement, so that a grant revoked or past its
 * time is refused at once, whichever instance revoked it.
 */
@Component
class QueryReads {

	private final CurrentVersions resources;

	private final ProviderAllowlist allowlist;

	private final SharingService sharing;

	private final Clock clock;

	QueryReads(CurrentVersions resources, ProviderAllowlist allowlist, SharingService sharing, Clock clock) {
		this.resources = resources;
		this.allowlist = allowlist;
		this.sharing = sharing;
		this.clock = clock;
	}

	/**
	 * The resource, its provider's entry and the grant a query rests on; refused when the
	 * resource is unknown or retired, or the consumer holds no live grant. An endpoint
	 * host not on the allowlist is refused later, when the provider would be called.
	 */
	@Transactional(readOnly = true)
	Grounds read(String consumer, String resourceCode, String serviceItem) {
		// What is kept is looked up first: a value read for keeping must not come from a
		// snapshot older than the look-up (ExpiringCache).
		DataResource resource = this.resources.of(resourceCode)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No resource " + resourceCode + "."));
		if (resource.isRetired()) {
			throw new ProblemException(SharingProblem.RESOURCE_RETIRED,
					"Resource " + resourceCode + " is retired and no longer queried.");
		}
		Optional<ProviderSystem> provider = this.allowlist.entry(URI.create(resource.endpoint().url()));
		return new Grounds(resource, grant(consumer, resourceCode, serviceItem), provider);
	}

	/**
	 * The consumer's live grant for the resource and service item, or why there is none.
	 */
	private Grant grant(String consumer, String resourceCode, String serviceItem) {
		Instant now = this.clock.instant();
		return this.sharing.liveGrant(consumer, resourceCode, serviceItem, now).orElseThrow(() -> {
			GrantStatus newest = this.sharing.newestGrant(consumer, resourceCode, serviceItem)
				.map((grant) -> grant.statusAt(now))
				.orElse(null);
			if (newest == GrantStatus.REVOKED) {
				return new ProblemException(ExchangeProblem.GRANT_REVOKED, "The grant of " + resourceCode
						+ " for service item " + serviceItem + " to your department was revoked.");
			}
			if (newest == GrantStatus.EXPIRED) {
				return new ProblemException(ExchangeProblem.GRANT_EXPIRED, "The grant of " + resourceCode
						+ " for service item " + serviceItem + " to your department has expired.");
			}
			return new ProblemException(ExchangeProblem.NO_GRANT, "Your department holds no grant of " + resourceCode
					+ " for service item " + serviceItem + "; apply for one first.");
		});
	}

	/**
	 * @param provider the allowlist entry of the resource's endpoint host, if it is on
	 * the allowlist
	 */
	record Grounds(DataResource resource, Grant grant, Optional<ProviderSystem> provider) {
	}

}
