package org.shutong.catalog.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing per provider, consumer and resource over a period: applications filed in it by
 * how they stand, grants active at some time in it, and queries made in it.
 */
@Component
public class SharingStatistics {

	private final ApplicationRepository applications;

	private final GrantRepository grants;

	private final QueryCounts queries;

	SharingStatistics(ApplicationRepository applications, GrantRepository grants, QueryCounts queries) {
		this.applications = applications;
		this.grants = grants;
		this.queries = queries;
	}

	/**
	 * @param department only what this department provides or consumes; every
	 * department's when {@code null}
	 */
	@Transactional(readOnly = true)
	public List<Row> between(Instant from, Instant to, @Nullable String department) {
		List<ApplicationCount> filed = (department != null) ? this.applications.countFiled(from, to, department)
				: this.applications.countFiled(from, to);
		List<GrantCount> active = (department != null) ? this.grants.countActive(from, to, department)
				: this.grants.countActive(from, to);
		Map<String, Row> rows = new TreeMap<>();
		for (ApplicationCount count : filed) {
			Row row = rows.computeIfAbsent(key(count.providerCode(), count.consumerCode(), count.resourceCode()),
					(key) -> Row.empty(count.providerCode(), count.consumerCode(), count.resourceCode()));
			rows.put(key(row.provider(), row.consumer(), row.resource()), row.withApplications(count));
		}
		for (GrantCount count : active) {
			Row row = rows.computeIfAbsent(key(count.providerCode(), count.consumerCode(), count.resourceCode()),
					(key) -> Row.empty(count.providerCode(), count.consumerCode(), count.resourceCode()));
			rows.put(key(row.provider(), row.consumer(), row.resource()), row.withActiveGrants(count.count()));
		}
		for (QueryCounts.Count count : this.queries.between(from, to, department)) {
			Row row = rows.computeIfAbsent(key(count.providerCode(), count.consumerCode(), count.resourceCode()),
					(key) -> Row.empty(count.providerCode(), count.consumerCode(), count.resourceCode()));
			rows.put(key(row.provider(), row.consumer(), row.resource()), row.withQueries(count));
		}
		return List.copyOf(rows.values());
	}

	private static String key(String provider, String consumer, String resource) {
		return provider + '/' + consumer + '/' + resource;
	}

	/**
	 * One provider, consumer and resource: applications filed in the period
	 * ({@code filed} = pending + approved + rejected), grants active in it, queries made
	 * in it under a grant and those the provider answered.
	 */
	public record Row(String provider, String consumer, String resource, long filed, long pending, long approved,
			long rejected, long activeGrants, long queries, long answeredQueries) {

		static Row empty(String provider, String consumer, String resource) {
			return new Row(provider, consumer, resource, 0, 0, 0, 0, 0, 0, 0);
		}

		Row withApplications(ApplicationCount count) {
			long n = count.count();
			return switch (count.status()) {
				case PENDING -> new Row(this.provider, this.consumer, this.resource, this.filed + n, this.pending + n,
						this.approved, this.rejected, this.activeGrants, this.queries, this.answeredQueries);
				case APPROVED -> new Row(this.provider, this.consumer, this.resource, this.filed + n, this.pending,
						this.approved + n, this.rejected, this.activeGrants, this.queries, this.answeredQueries);
				case REJECTED -> new Row(this.provider, this.consumer, this.resource, this.filed + n, this.pending,
						this.approved, this.rejected + n, this.activeGrants, this.queries, this.answeredQueries);
			};
		}

		Row withActiveGrants(long n) {
			return new Row(this.provider, this.consumer, this.resource, this.filed, this.pending, this.approved,
					this.rejected, this.activeGrants + n, this.queries, this.answeredQueries);
		}

		Row withQueries(QueryCounts.Count count) {
			return new Row(this.provider, this.consumer, this.resource, this.filed, this.pending, this.approved,
					this.rejected, this.activeGrants, this.queries + count.queries(),
					this.answeredQueries + count.answered());
		}

	}

}
