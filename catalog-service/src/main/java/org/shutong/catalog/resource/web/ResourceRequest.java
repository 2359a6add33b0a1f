package org.shutong.catalog.resource.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A resource as a provider publishes or updates it (api.md, Catalogue). Enumerations are
 * taken as text so that every bad field is named in one answer; {@link ResourceRequests}
 * checks them all.
 */
record ResourceRequest(@Nullable String name, @Nullable String description, @Nullable String category,
		@Nullable Integer securityLevel, @Nullable String sharingType, @Nullable String sharingCondition,
		@Nullable String openType, @Nullable String updateCycle, @Nullable List<Item> items,
		@Nullable Endpoint endpoint) {

	record Item(@Nullable String name, @Nullable String type, @Nullable String description,
			@Nullable Boolean sensitive) {
	}

	record Endpoint(@Nullable String url, @Nullable String method, @Nullable List<Parameter> parameters) {
	}

	record Parameter(@Nullable String name, @Nullable String type, @Nullable Boolean required,
			@Nullable String description) {
	}

	record Retirement(@Nullable String reason) {
	}

}
