package org.shutong.catalog.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Grants as stored. A grant stored as ACTIVE whose {@code validUntil} has passed is
 * expired: the queries that filter by status read it so.
 */
public interface GrantRepository extends Repository<Grant, String> {

	Grant save(Grant grant);

	Optional<Grant> findById(String id);

	Optional<Grant> findByApplicationId(String applicationId);

	/**
	 * The live grant of a consumer for a resource and service item, with its items, in
	 * one statement: active and not yet past its time; the one that lasts longest if
	 * there are several.
	 */
	@Query("""
			SELECT g FROM Grant g LEFT JOIN FETCH g.items
			WHERE g.id = (SELECT l.id FROM Grant l
				WHERE l.consumerCode = :consumer AND l.resourceCode = :resource AND l.serviceItemCode = :serviceItem
					AND l.status = org.shutong.catalog.sharing.GrantStatus.ACTIVE AND l.validUntil > :now
				ORDER BY l.validUntil DESC, l.id
				LIMIT 1)""")
	Optional<Grant> findLive(String consumer, String resource, String serviceItem, Instant now);

	@Query("""
			SELECT g FROM Grant g
			WHERE g.consumerCode = :consumer AND g.resourceCode = :resource AND g.serviceItemCode = :serviceItem
			ORDER BY g.grantedAt DESC, g.id""")
	List<Grant> findNewest(String consumer, String resource, String serviceItem, Pageable page);

	@Query("""
			SELECT g FROM Grant g
			WHERE g.providerCode = :department AND (""" + StatusFilter.CONDITION + """
			)
			ORDER BY g.grantedAt DESC, g.id""")
	List<Grant> findByProvider(String department, boolean active, boolean expired, boolean revoked, Instant now,
			Pageable page);

	@Query("""
			SELECT g FROM Grant g
			WHERE g.consumerCode = :department AND (""" + StatusFilter.CONDITION + """
			)
			ORDER BY g.grantedAt DESC, g.id""")
	List<Grant> findByConsumer(String department, boolean active, boolean expired, boolean revoked, Instant now,
			Pageable page);

	/** Active grants whose time has come, oldest first, for the expiry job to record. */
	@Query("""
			SELECT g FROM Grant g
			WHERE g.status = org.shutong.catalog.sharing.GrantStatus.ACTIVE AND g.validUntil <= :now
			ORDER BY g.validUntil, g.id""")
	List<Grant> findDue(Instant now, Pageable page);

	/**
	 * Grants that were active at some time in {@code [from, to)}: granted before its end
	 * and neither expired nor revoked before its start.
	 */
	@Query("""
			SELECT new org.shutong.catalog.sharing.GrantCount(g.providerCode, g.consumerCode, g.resourceCode, COUNT(g))
			FROM Grant g
			WHERE g.grantedAt < :to AND g.validUntil > :from AND (g.endedAt IS NULL OR g.endedAt > :from)
			GROUP BY g.providerCode, g.consumerCode, g.resourceCode""")
	List<GrantCount> countActive(Instant from, Instant to);

	/**
	 * As {@link #countActive}, only those where the department is provider or consumer.
	 */
	@Query("""
			SELECT new org.shutong.catalog.sharing.GrantCount(g.providerCode, g.consumerCode, g.resourceCode, COUNT(g))
			FROM Grant g
			WHERE g.grantedAt < :to AND g.validUntil > :from AND (g.endedAt IS NULL OR g.endedAt > :from)
				AND (g.providerCode = :department OR g.consumerCode = :department)
			GROUP BY g.providerCode, g.consumerCode, g.resourceCode""")
	List<GrantCount> countActive(Instant from, Instant to, String department);

	/**
	 * Revokes a grant that is active at {@code now}; 0 when it is not (any more), so that
	 * of two racing revocations, or a revocation and the expiry job, one wins.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			UPDATE Grant g SET g.status = org.shutong.catalog.sharing.GrantStatus.REVOKED, g.endedAt = :now,
				g.revokeReason = :reason
			WHERE g.id = :id AND g.status = org.shutong.catalog.sharing.GrantStatus.ACTIVE AND g.validUntil > :now""")
	int revoke(String id, String reason, Instant now);

	/**
	 * Records the expiry of an active grant past its time; 0 when another did it first.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			UPDATE Grant g SET g.status = org.shutong.catalog.sharing.GrantStatus.EXPIRED, g.endedAt = g.validUntil
			WHERE g.id = :id AND g.status = org.shutong.catalog.sharing.GrantStatus.ACTIVE AND g.validUntil <= :now""")
	int expire(String id, Instant now);

	/**
	 * The status filter of the listings: which of the statuses, as read at {@code :now},
	 * to include.
	 */
	final class StatusFilter {

		static final String CONDITION = """
				(:active = true AND g.status = org.shutong.catalog.sharing.GrantStatus.ACTIVE AND g.validUntil > :now)
				OR (:expired = true AND (g.status = org.shutong.catalog.sharing.GrantStatus.EXPIRED
					OR (g.status = org.shutong.catalog.sharing.GrantStatus.ACTIVE AND g.validUntil <= :now)))
				OR (:revoked = true AND g.status = org.shutong.catalog.sharing.GrantStatus.REVOKED)""";

		private StatusFilter() {
		}

	}

}
