package org.shutong.catalog.resource;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search of the catalogue's current versions: every word of the query (split at
 * spaces) must be in the name, the description or an item name; a match in the name ranks
 * above one in the description, which ranks above one in an item name.
 */
@Service
public class ResourceSearch {

	/** The longest query taken; longer ones are refused with a 400. */
	public static final int MAX_QUERY_LENGTH = 200;

	private final EntityManager entityManager;

	ResourceSearch(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * The current versions matching the query and the filters (null matches anything).
	 */
	@Transactional(readOnly = true)
	public Page<ResourceSummary> search(String query, ResourceStatus status, @Nullable String category,
			@Nullable SharingType sharingType, @Nullable String provider, @Nullable Short securityLevel,
			Pageable page) {
		SearchResult<DataResource> result = Search.session(this.entityManager).search(DataResource.class).where((f) -> {
			var bool = f.bool();
			bool.must(f.simpleQueryString()
				.field("name")
				.boost(10f)
				.field("description")
				.boost(3f)
				.field("items.name")
				.matching(query)
				.defaultOperator(BooleanOperator.AND)
				.flags(SimpleQueryFlag.WHITESPACE, SimpleQueryFlag.PHRASE));
			bool.filter(f.match().field("status").matching(status));
			if (category != null) {
				bool.filter(f.match().field("category").matching(category));
			}
			if (sharingType != null) {
				bool.filter(f.match().field("sharingType").matching(sharingType));
			}
			if (provider != null) {
				bool.filter(f.match().field("providerCode").matching(provider));
			}
			if (securityLevel != null) {
				bool.filter(f.match().field("securityLevel").matching(securityLevel));
			}
			return bool;
		}).sort((f) -> f.score().then().field("code")).fetch((int) page.getOffset(), page.getPageSize());
		List<ResourceSummary> summaries = result.hits().stream().map(ResourceSearch::summary).toList();
		return new PageImpl<>(summaries, page, result.total().hitCount());
	}

	private static ResourceSummary summary(DataResource resource) {
		return new ResourceSummary(resource.code(), resource.version(), resource.description().name(),
				resource.providerCode(), resource.description().category(), (short) resource.grading().securityLevel(),
				resource.grading().sharingType());
	}

}
