package org.shutong.catalog.resource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the search index from the database at startup when it is empty (a new index
 * directory, or resources published before search existed): the current version of each
 * resource only.
 */
@Component
class SearchIndexInitializer {

	private static final Logger logger = LoggerFactory.getLogger(SearchIndexInitializer.class);

	/** Mass indexing takes the newest version of each code, as the listing does. */
	static final String CURRENT_VERSION = "e.version = (SELECT MAX(newer.version) FROM DataResource newer WHERE newer.code = e.code)";

	private final EntityManagerFactory entityManagerFactory;

	SearchIndexInitializer(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@EventListener(ApplicationReadyEvent.class)
	void indexWhenEmpty() throws InterruptedException {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			long indexed = session.search(DataResource.class).where((f) -> f.matchAll()).fetchTotalHitCount();
			if (indexed > 0) {
				return;
			}
			var indexer = session.massIndexer(DataResource.class);
			indexer.type(DataResource.class).reindexOnly(CURRENT_VERSION);
			indexer.startAndWait();
			long built = session.search(DataResource.class).where((f) -> f.matchAll()).fetchTotalHitCount();
			logger.info("Built the catalogue's search index: {} current resources", built);
		}
	}

}
