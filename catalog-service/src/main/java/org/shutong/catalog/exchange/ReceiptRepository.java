package org.shutong.catalog.exchange;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReceiptRepository extends JpaRepository<Receipt, String> {

	/**
	 * Queries that reached a grant (so have a provider) in a period, by how they ended.
	 */
	@Query("""
			SELECT new org.shutong.catalog.exchange.OutcomeCount(r.providerCode, r.consumerCode, r.resourceCode,
				r.outcome, COUNT(r))
			FROM Receipt r
			WHERE r.startedAt >= :from AND r.startedAt < :to AND r.providerCode IS NOT NULL
			GROUP BY r.providerCode, r.consumerCode, r.resourceCode, r.outcome""")
	List<OutcomeCount> countOutcomes(Instant from, Instant to);

	@Query("""
			SELECT new org.shutong.catalog.exchange.OutcomeCount(r.providerCode, r.consumerCode, r.resourceCode,
				r.outcome, COUNT(r))
			FROM Receipt r
			WHERE r.startedAt >= :from AND r.startedAt < :to AND r.providerCode IS NOT NULL
				AND (r.providerCode = :department OR r.consumerCode = :department)
			GROUP BY r.providerCode, r.consumerCode, r.resourceCode, r.outcome""")
	List<OutcomeCount> countOutcomes(Instant from, Instant to, String department);

	@Query("""
			SELECT new org.shutong.catalog.exchange.OutcomeCount(r.providerCode, r.consumerCode, r.resourceCode,
				r.outcome, COUNT(r))
			FROM Receipt r
			WHERE r.resourceCode = :resourceCode AND r.startedAt >= :from AND r.providerCode IS NOT NULL
			GROUP BY r.providerCode, r.consumerCode, r.resourceCode, r.outcome""")
	List<OutcomeCount> countOutcomes(String resourceCode, Instant from);

}
