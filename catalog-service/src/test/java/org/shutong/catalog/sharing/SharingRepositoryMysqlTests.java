package org.shutong.catalog.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharing repositories' queries on MariaDB/MySQL (the V4 migration, the listings by
 * side and status as read at a time, the broker's live-grant look-up, the conditional
 * revocation and expiry, the statistics), on the scratch schema rebuilt for the run. Each
 * test works under department codes of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class SharingRepositoryMysqlTests {

	/**
	 * Whole seconds: Connector/J reads MariaDB's version as 5.5.5 and drops the fractions
	 * of every instant it sends (it keeps them on MySQL 8).
	 */
	private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

	@Autowired
	private ApplicationRepository applications;

	@Autowired
	private GrantRepository grants;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void listsEachSidesApplicationsByStatusNewestFirst() {
		String provider = department();
		String consumer = department();
		SharingApplication first = this.applications.save(application(provider, consumer, "R1", T0));
		SharingApplication second = application(provider, consumer, "R2", T0.plusSeconds(60));
		second.reject("不符合条件", T0.plusSeconds(120));
		this.applications.save(second);

		assertThat(this.applications.findByProviderCodeOrderByFiledAtDescIdAsc(provider, PageRequest.of(0, 10)))
			.extracting(SharingApplication::id)
			.containsExactly(second.id(), first.id());
		assertThat(this.applications.findByConsumerCodeAndStatusOrderByFiledAtDescIdAsc(consumer,
				ApplicationStatus.PENDING, PageRequest.of(0, 10)))
			.extracting(SharingApplication::id)
			.containsExactly(first.id());
		assertThat(this.applications.findByConsumerCodeOrderByFiledAtDescIdAsc(provider, PageRequest.of(0, 10)))
			.isEmpty();
		SharingApplication stored = this.applications.findById(second.id()).orElseThrow();
		assertThat(stored.items()).containsExactly("name", "idNumber");
		assertThat(stored.filedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(stored.validUntil()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(30)));
		assertThat(stored.decisionReason()).isEqualTo("不符合条件");
	}

	@Test
	void findsTheLiveGrantAndReadsStatusesAtATime() {
		String provider = department();
		String consumer = department();
		Grant grant = grant(provider, consumer, "R1", T0, List.of("idNumber"));
		Instant before = grant.validUntil().minusNanos(1000);

		assertThat(this.grants.findLive(consumer, "R1", "330100-MZ-0012", before)).hasValueSatisfying((live) -> {
			assertThat(live.id()).isEqualTo(grant.id());
			assertThat(live.items()).containsExactly("idNumber");
		});
		assertThat(this.grants.findLive(consumer, "R1", "330100-MZ-0012", grant.validUntil())).isEmpty();
		assertThat(this.grants.findLive(provider, "R1", "330100-MZ-0012", before)).isEmpty();
		assertThat(this.grants.findLive(consumer, "R1", "other", before)).isEmpty();

		assertThat(this.grants.findByConsumer(consumer, true, false, false, before, PageRequest.of(0, 10))).hasSize(1);
		assertThat(this.grants.findByConsumer(consumer, true, false, false, grant.validUntil(), PageRequest.of(0, 10)))
			.isEmpty();
		assertThat(this.grants.findByProvider(provider, false, true, false, grant.validUntil(), PageRequest.of(0, 10)))
			.extracting(Grant::id)
			.containsExactly(grant.id());
		assertThat(this.grants.findByProvider(provider, false, false, true, grant.validUntil(), PageRequest.of(0, 10)))
			.isEmpty();
		assertThat(this.grants.findByApplicationId(grant.applicationId())).isPresent();
		assertThat(this.grants.findById(grant.id()).orElseThrow().items()).containsExactly("idNumber");
	}

	@Test
	void revokesAndExpiresOnlyAnActiveGrantAndOnlyOnce() {
		String provider = department();
		String consumer = department();
		Grant revoked = grant(provider, consumer, "R1", T0, List.of("name"));
		Grant expiring = grant(provider, consumer, "R2", T0, List.of("name"));
		Instant during = T0.plus(Duration.ofDays(1));
		Instant after = expiring.validUntil().plusSeconds(1);

		assertThat(update(() -> this.grants.revoke(revoked.id(), "撤销", during))).isOne();
		assertThat(update(() -> this.grants.revoke(revoked.id(), "撤销", during))).isZero();
		assertThat(update(() -> this.grants.revoke(expiring.id(), "太迟", after))).isZero();
		assertThat(this.grants.findDue(after, PageRequest.of(0, 1000))).extracting(Grant::id)
			.contains(expiring.id())
			.doesNotContain(revoked.id());
		assertThat(update(() -> this.grants.expire(expiring.id(), after))).isOne();
		assertThat(update(() -> this.grants.expire(expiring.id(), after))).isZero();
		assertThat(update(() -> this.grants.expire(revoked.id(), after))).isZero();

		assertThat(this.grants.findById(revoked.id()).orElseThrow().statusAt(after)).isEqualTo(GrantStatus.REVOKED);
		Grant expired = this.grants.findById(expiring.id()).orElseThrow();
		assertThat(expired.statusAt(during)).isEqualTo(GrantStatus.EXPIRED);
		assertThat(expired.endedAt()).isEqualTo(expired.validUntil());
		assertThat(this.grants.findByConsumer(consumer, false, true, false, during, PageRequest.of(0, 10)))
			.extracting(Grant::id)
			.containsExactly(expiring.id());
	}

	@Test
	void countsApplicationsAndActiveGrantsForAPeriod() {
		String provider = department();
		String consumer = department();
		this.applications.save(application(provider, consumer, "R1", T0));
		grant(provider, consumer, "R1", T0.plusSeconds(10), List.of("name"));
		Grant revoked = grant(provider, consumer, "R1", T0.plusSeconds(20), List.of("name"));
		update(() -> this.grants.revoke(revoked.id(), "撤销", T0.plusSeconds(30)));

		Instant to = T0.plusSeconds(60);
		assertThat(this.applications.countFiled(T0, to, consumer)).containsExactlyInAnyOrder(
				new ApplicationCount(provider, consumer, "R1", ApplicationStatus.PENDING, 1),
				new ApplicationCount(provider, consumer, "R1", ApplicationStatus.APPROVED, 2));
		assertThat(this.applications.countFiled(T0, to))
			.contains(new ApplicationCount(provider, consumer, "R1", ApplicationStatus.APPROVED, 2));
		assertThat(this.grants.countActive(T0, to, provider))
			.containsExactly(new GrantCount(provider, consumer, "R1", 2));
		assertThat(this.grants.countActive(T0.plusSeconds(40), to, provider))
			.containsExactly(new GrantCount(provider, consumer, "R1", 1));
		assertThat(this.grants.countActive(T0.minusSeconds(60), T0, provider)).isEmpty();
		assertThat(this.applications.countFiled(to, to.plusSeconds(60), provider)).isEmpty();
	}

	private int update(java.util.function.IntSupplier update) {
		Integer updated = this.transactions.execute((status) -> update.getAsInt());
		return (updated != null) ? updated : -1;
	}

	private Grant grant(String provider, String consumer, String resource, Instant at, List<String> items) {
		return this.transactions.execute((status) -> {
			SharingApplication application = application(provider, consumer, resource, at);
			application.approve(at);
			this.applications.save(application);
			return this.grants.save(new Grant(application, items, false, at));
		});
	}

	private static SharingApplication application(String provider, String consumer, String resource, Instant at) {
		return new SharingApplication(new SharingApplication.ResourceVersion(resource, 1, provider), consumer,
				new SharingApplication.Request("办理低保资格审核", "《社会救助暂行办法》", List.of("name", "idNumber"), "330100-MZ-0012",
						at.plus(Duration.ofDays(30))),
				new SharingApplication.Filer("system", null), at);
	}

	/**
	 * A department code of this test's own, so that tests never see each other's rows.
	 */
	private static String department() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(java.util.Locale.ROOT);
	}

}
