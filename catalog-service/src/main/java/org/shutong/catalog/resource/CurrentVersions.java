package org.shutong.catalog.resource;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.shutong.catalog.cache.ExpiringCache;

import org.springframework.stereotype.Component;

/**
 * The current version of each resource as the exchange broker needs it for every query,
 * kept by each instance for {@link #KEPT}. A version never changes once stored: every
 * change is a new version row ({@link ResourceCatalogue}), and of the rows before only
 * the {@code is_current} flag is cleared. So what is kept goes out of date only when a
 * newer version follows: this instance forgets a code once its new version (published,
 * updated or retired here) has committed; a version added through another instance is
 * used here within {@link #KEPT}.
 */
@Component
public class CurrentVersions {

	/** How long the current version of a resource is kept before it is read again. */
	public static final Duration KEPT = Duration.ofSeconds(5);

	private final DataResourceRepository resources;

	private final ExpiringCache<String, DataResource> current;

	CurrentVersions(DataResourceRepository resources, Clock clock) {
		this.resources = resources;
		this.current = new ExpiringCache<>(KEPT, clock);
	}

	/**
	 * The newest version of a resource, retired or not, with its items and parameters;
	 * empty for an unknown code (which is read again each time).
	 */
	public Optional<DataResource> of(String code) {
		return this.current.get(code, this.resources::findNewestWithDefinition);
	}

	/**
	 * Makes this instance forget the code once the transaction adding a version commits.
	 */
	void added(String code) {
		this.current.forgetAfterCommit(code);
	}

}
