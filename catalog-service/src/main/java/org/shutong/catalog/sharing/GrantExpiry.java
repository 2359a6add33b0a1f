package org.shutong.catalog.sharing;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the expiry of grants past their time, each with its audit event
 * {@code sharing.grant.expire}. Reads never wait for it: a grant past its time reads as
 * expired at once ({@link Grant#statusAt}); this makes the expiry part of the audit log.
 */
@Component
public class GrantExpiry {

	private static final Logger log = LoggerFactory.getLogger(GrantExpiry.class);

	/** The most expiries recorded in one transaction. */
	static final int BATCH = 200;

	private final GrantRepository grants;

	private final SharingAudit audit;

	private final Clock clock;

	GrantExpiry(GrantRepository grants, SharingAudit audit, Clock clock) {
		this.grants = grants;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${shutong.sharing.expiry-interval}",
			fixedDelayString = "${shutong.sharing.expiry-interval}")
	void onSchedule() {
		int recorded = recordDue();
		if (recorded > 0) {
			log.info("Recorded the expiry of {} grants", recorded);
		}
	}

	/**
	 * Records the expiry of up to {@link #BATCH} active grants past their time, oldest
	 * first; another instance doing the same at once records each only once.
	 * @return how many this call recorded
	 */
	@Transactional
	public int recordDue() {
		Instant now = this.clock.instant();
		int recorded = 0;
		for (Grant grant : this.grants.findDue(now, PageRequest.of(0, BATCH))) {
			if (this.grants.expire(grant.id(), now) == 1) {
				this.audit.grant(SharingAudit.EXPIRE, null, this.grants.findById(grant.id()).orElseThrow());
				recorded++;
			}
		}
		return recorded;
	}

}
