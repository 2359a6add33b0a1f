package org.shutong.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's resubmission statements on the MySQL-compatible server on 127.0.0.1:3306
 * (scratch schema {@code shutong_platform_test}), and that a pass reads only what it
 * takes however many publications have failed: MariaDB's own counters show no sort and no
 * scan.
 */
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
@TestPropertySource(properties = "shutong.schema=shutong_platform")
class UnacknowledgedPublicationsMysqlTests extends UnacknowledgedPublicationsTests {

	private static final int FAILED = 3000;

	private static final int PASS = 10;

	@Test
	void aPassReadsOnlyItsOwnRowsFromTheStatusIndex() {
		Instant published = Instant.now().minusSeconds(3600);
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < FAILED; i++) {
				this.publications.create(org.springframework.modulith.events.core.TargetEventPublication
					.of(AuditOutboxTests.event("certificate.issue"), AuditOutboxListener.TARGET, published));
			}
		});
		this.jdbc.update("UPDATE EVENT_PUBLICATION SET STATUS = 'FAILED'");
		this.jdbc.execute("ANALYZE TABLE EVENT_PUBLICATION");

		Map<String, Long> counted = this.transactions.execute((status) -> {
			Map<String, Long> before = sessionCounters();
			List<UnacknowledgedPublications.Failed> first = this.unacknowledged.oldest(null, PASS);
			assertThat(first).hasSize(PASS);
			assertThat(this.unacknowledged.oldest(first.get(PASS - 1), PASS)).hasSize(PASS);
			Map<String, Long> after = sessionCounters();
			return after.keySet()
				.stream()
				.collect(Collectors.toMap((name) -> name, (name) -> after.get(name) - before.get(name)));
		});

		assertThat(counted.get("Sort_rows")).isZero();
		assertThat(counted.get("Handler_read_rnd_next")).isZero();
		// Two passes of ten, each read from the index with a row or two to spare.
		assertThat(counted.get("Handler_read_next") + counted.get("Handler_read_key")).isLessThanOrEqualTo(4 * PASS);
	}

	private Map<String, Long> sessionCounters() {
		return this.jdbc
			.query("SHOW SESSION STATUS WHERE Variable_name IN ('Sort_rows', 'Handler_read_rnd_next', "
					+ "'Handler_read_next', 'Handler_read_key')",
					(row, index) -> Map.entry(row.getString(1), row.getLong(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
