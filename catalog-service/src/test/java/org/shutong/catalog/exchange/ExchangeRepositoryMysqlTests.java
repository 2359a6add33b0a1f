package org.shutong.catalog.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.exchange.provider.ProviderAllowlist;
import org.shutong.catalog.exchange.provider.ProviderSettings;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.security.Caller;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange tables on MariaDB/MySQL (the V7 migration): receipts written once and read
 * back whole, their counts by outcome over a period and per department, and the
 * allowlist's rows, on the scratch schema rebuilt for the run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class ExchangeRepositoryMysqlTests {

	/** Whole seconds: Connector/J drops the fractions of instants it sends to MariaDB. */
	private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

	@Autowired
	private ReceiptRepository receipts;

	@Autowired
	private QueryStatistics statistics;

	@Autowired
	private ProviderAllowlist allowlist;

	@Test
	void keepsAReceiptWholeWithItsItemsAndSubject() {
		String consumer = department();
		Receipt receipt = receipt(consumer, "GA-R1", T0);
		receipt.answered(List.of("姓名", "婚姻状况"), 2, Duration.ofMillis(37));
		this.receipts.save(receipt);

		Receipt stored = this.receipts.findById(receipt.id()).orElseThrow();
		assertThat(stored.items()).containsExactly("姓名", "婚姻状况");
		assertThat(stored.itemCount()).isEqualTo(2);
		assertThat(stored.rowCount()).isEqualTo(2);
		assertThat(stored.outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(stored.consumerCode()).isEqualTo(consumer);
		assertThat(stored.purpose()).isEqualTo("办理低保资格审核");
		assertThat(stored.startedAt()).isEqualTo(T0);
		assertThat(stored.durationMillis()).isEqualTo(37);
		assertThat(stored.subjectReference()).isEqualTo("ab".repeat(32));
	}

	@Test
	void countsQueriesByOutcomeOverAPeriodAndPerDepartment() {
		String consumer = department();
		String resource = "GA-" + consumer;
		this.receipts.save(receipt(consumer, resource, T0).answered(List.of("姓名"), 1, Duration.ofMillis(5)));
		this.receipts.save(receipt(consumer, resource, T0.plusSeconds(10)).answered(List.of(), 0, Duration.ZERO));
		this.receipts.save(receipt(consumer, resource, T0.plusSeconds(20)).ended(AuditOutcome.FAILED,
				"PROVIDER_TIMEOUT", Duration.ofSeconds(5)));
		this.receipts.save(receipt(consumer, resource, T0.plusSeconds(30)).ended(AuditOutcome.DENIED, "QUOTA_EXCEEDED",
				Duration.ZERO));
		this.receipts.save(receipt(consumer, resource, T0.plusSeconds(3600)).answered(List.of(), 0, Duration.ZERO));

		assertThat(this.statistics.between(T0, T0.plusSeconds(60), consumer)).singleElement().satisfies((count) -> {
			assertThat(count.resourceCode()).isEqualTo(resource);
			assertThat(count.queries()).isEqualTo(4);
			assertThat(count.answered()).isEqualTo(2);
		});
		assertThat(this.statistics.between(T0, T0.plusSeconds(60), department())).isEmpty();
		QueryStatistics.SuccessRate rate = this.statistics.successRate(resource, T0);
		assertThat(rate.answered()).isEqualTo(3);
		assertThat(rate.asked()).isEqualTo(4);
		assertThat(this.statistics.successRate("GA-none", T0)).isNull();
	}

	@Test
	void keepsChangesAndRemovesAllowlistEntries() {
		Caller admin = new Caller("admin", "shutong-console", null, Set.of(), Set.of("ADMIN"), null);
		String host = "h" + UUID.randomUUID().toString().substring(0, 8) + ".example.gov.cn";
		this.allowlist.allow(admin, host, new ProviderSettings("人口库", 800, 3));
		this.allowlist.allow(admin, host.toUpperCase(Locale.ROOT), new ProviderSettings("人口库", null, 5));

		assertThat(this.allowlist.list()).filteredOn((provider) -> provider.host().equals(host))
			.singleElement()
			.satisfies((provider) -> {
				assertThat(provider.timeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(provider.maxConcurrentCalls()).isEqualTo(5);
			});
		this.allowlist.remove(admin, host);
		assertThat(this.allowlist.list()).noneMatch((provider) -> provider.host().equals(host));
	}

	private static Receipt receipt(String consumer, String resource, Instant at) {
		Caller caller = new Caller("system-" + consumer, "system-" + consumer, consumer, Set.of("exchange.query"),
				Set.of(), null);
		Receipt receipt = new Receipt(UUID.randomUUID().toString(), caller, resource,
				new QueryRequest(null, "办理低保资格审核", "330100-MZ-0012"), at);
		receipt.granted(UUID.randomUUID().toString(), 1, "11330100002482100A");
		receipt.about(AuditEvent.SubjectKind.PERSON, "ab".repeat(32));
		return receipt;
	}

	private static String department() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(Locale.ROOT);
	}

}
