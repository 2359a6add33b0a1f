package org.shutong.catalog.exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.sharing.QueryCounts;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the receipts tell the catalogue: how many queries each grant's parties made and
 * how many the provider answered, for the sharing statistics and the quality indicators.
 */
@Component
public class QueryStatistics implements QueryCounts {

	private final ReceiptRepository receipts;

	QueryStatistics(ReceiptRepository receipts) {
		this.receipts = receipts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Count> between(Instant from, Instant to, @Nullable String department) {
		List<OutcomeCount> counts = (department != null) ? this.receipts.countOutcomes(from, to, department)
				: this.receipts.countOutcomes(from, to);
		Map<List<String>, Count> totals = new LinkedHashMap<>();
		for (OutcomeCount count : counts) {
			long answered = (count.outcome() == AuditOutcome.SUCCESS) ? count.count() : 0;
			totals.merge(List.of(count.providerCode(), count.consumerCode(), count.resourceCode()),
					new Count(count.providerCode(), count.consumerCode(), count.resourceCode(), count.count(),
							answered),
					(a, b) -> new Count(a.providerCode(), a.consumerCode(), a.resourceCode(), a.queries() + b.queries(),
							a.answered() + b.answered()));
		}
		return List.copyOf(totals.values());
	}

	/**
	 * The share of a resource's queries since {@code from} that its provider answered, of
	 * those it was asked (refusals by the platform are not the provider's); {@code null}
	 * when it was asked none.
	 */
	@Transactional(readOnly = true)
	public @Nullable SuccessRate successRate(String resourceCode, Instant from) {
		long answered = 0;
		long asked = 0;
		for (OutcomeCount count : this.receipts.countOutcomes(resourceCode, from)) {
			if (count.outcome() != AuditOutcome.DENIED) {
				asked += count.count();
				answered += (count.outcome() == AuditOutcome.SUCCESS) ? count.count() : 0;
			}
		}
		return (asked == 0) ? null : new SuccessRate(answered, asked);
	}

	public record SuccessRate(long answered, long asked) {

		public double value() {
			return (double) this.answered / this.asked;
		}

	}

}
