package org.shutong.gateway.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing in Spring Security deletes expired authorizations: this does, on a schedule, in
 * small batches so it never holds long locks. Every gateway instance may run it; the
 * deletes do not conflict.
 */
@Component
class AuthorizationPurge {

	private static final Logger logger = LoggerFactory.getLogger(AuthorizationPurge.class);

	private static final int BATCH_SIZE = 1000;

	private final IndexedAuthorizationService authorizations;

	AuthorizationPurge(IndexedAuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Scheduled(fixedDelayString = "${shutong.gateway.authorization-purge-interval:PT10M}", initialDelayString = "PT1M")
	void purgeExpired() {
		int deleted = this.authorizations.purgeExpired(BATCH_SIZE);
		if (deleted > 0) {
			logger.info("Purged {} expired authorizations and spent refresh tokens", deleted);
		}
	}

}
