package org.shutong.catalog.sharing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The brokered queries behind the grants, counted by the exchange broker.
 */
public interface QueryCounts {

	/**
	 * @param department only queries this department made or answered; every department's
	 * when {@code null}
	 */
	List<Count> between(Instant from, Instant to, @Nullable String department);

	/**
	 * Queries of one provider's resource by one consumer: all that reached a grant, and
	 * those the provider answered.
	 */
	record Count(String providerCode, String consumerCode, String resourceCode, long queries, long answered) {
	}

}
