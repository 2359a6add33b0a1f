package org.shutong.catalog.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ApplicationRepository extends Repository<SharingApplication, String> {

	SharingApplication save(SharingApplication application);

	Optional<SharingApplication> findById(String id);

	List<SharingApplication> findByProviderCodeOrderByFiledAtDescIdAsc(String providerCode, Pageable page);

	List<SharingApplication> findByProviderCodeAndStatusOrderByFiledAtDescIdAsc(String providerCode,
			ApplicationStatus status, Pageable page);

	List<SharingApplication> findByConsumerCodeOrderByFiledAtDescIdAsc(String consumerCode, Pageable page);

	List<SharingApplication> findByConsumerCodeAndStatusOrderByFiledAtDescIdAsc(String consumerCode,
			ApplicationStatus status, Pageable page);

	/**
	 * Applications filed in {@code [from, to)}, counted by the two departments, resource
	 * and status.
	 */
	@Query("""
			SELECT new org.shutong.catalog.sharing.ApplicationCount(a.providerCode, a.consumerCode, a.resourceCode,
				a.status, COUNT(a))
			FROM SharingApplication a
			WHERE a.filedAt >= :from AND a.filedAt < :to
			GROUP BY a.providerCode, a.consumerCode, a.resourceCode, a.status""")
	List<ApplicationCount> countFiled(Instant from, Instant to);

	/**
	 * As {@link #countFiled}, only those where the department is provider or consumer.
	 */
	@Query("""
			SELECT new org.shutong.catalog.sharing.ApplicationCount(a.providerCode, a.consumerCode, a.resourceCode,
				a.status, COUNT(a))
			FROM SharingApplication a
			WHERE a.filedAt >= :from AND a.filedAt < :to
				AND (a.providerCode = :department OR a.consumerCode = :department)
			GROUP BY a.providerCode, a.consumerCode, a.resourceCode, a.status""")
	List<ApplicationCount> countFiled(Instant from, Instant to, String department);

}
