package org.shutong.catalog.quality;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A resource's quality (质量管理) as assessed now, on its newest version.
 */
public record QualityIndicators(String code, int version, Completeness completeness, Freshness freshness,
		QuerySuccessRate querySuccessRate, Instant assessedAt) {

	/**
	 * The share of brokered queries in the last {@code days} days that the provider
	 * answered, of those it was asked; {@code null} when it was asked none.
	 */
	public record QuerySuccessRate(@Nullable Double value, long answered, long asked, int days) {

	}

}
