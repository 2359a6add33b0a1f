package org.shutong.catalog.quality;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A resource's quality (质量管理) as assessed now, on its newest version.
 */
public record QualityIndicators(String code, int version, Completeness completeness, Freshness freshness,
		QuerySuccessRate querySuccessRate, Instant assessedAt) {

	/**
	 * The share of brokered queries the provider answered; unknown until the exchange
	 * broker brokers queries.
	 */
	public record QuerySuccessRate(@Nullable Double value, String note) {

		static final QuerySuccessRate NOT_YET_MEASURED = new QuerySuccessRate(null,
				"Not measured yet: the exchange broker does not broker queries yet.");

	}

}
