package org.shutong.catalog.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.exchange.provider.ProviderAllowlist;
import org.shutong.catalog.resource.CurrentVersions;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.ResourceCatalogue;
import org.shutong.catalog.resource.ResourceDraft;
import org.shutong.catalog.sharing.Grant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the broker reads for a query's checks: the grant every time, so a revoked one is
 * refused at once however recently it was used; the resource's current version and the
 * provider's allowlist entry kept for a few seconds, forgotten as soon as this instance
 * changes them, and read again after {@link CurrentVersions#KEPT} and
 * {@link ProviderAllowlist#ENTRY_KEPT} when another instance did; and how few statements
 * that leaves a query.
 */
class ExchangeReadsTests extends ExchangeTest {

	@Autowired
	private ResourceCatalogue catalogue;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SqlStatements statements;

	@Test
	void refusesARevokedGrantRightAfterItsQueriesWereAnswered() {
		String resource = stubbed("/reads/revoked");
		Grant grant = grant(resource, false, "address");
		assertThat(ask(resource, query())).hasStatusOk();
		assertThat(ask(resource, query())).hasStatusOk();

		this.sharing.revoke(system(PROVIDER, "sharing.review"), grant.id(), "事项已办结");

		assertProblem(ask(resource, query()), HttpStatus.FORBIDDEN, "GRANT_REVOKED");
		providerSystem.verify(2, postRequestedFor(urlEqualTo("/reads/revoked")));
	}

	@Test
	void refusesAGrantRevokedThroughAnotherInstanceAtOnce() {
		String resource = stubbed("/reads/revoked-elsewhere");
		Grant grant = grant(resource, false, "address");
		assertThat(ask(resource, query())).hasStatusOk();

		this.jdbc.update("UPDATE sharing_grant SET status = 'REVOKED', ended_at = ?, revoke_reason = ? WHERE id = ?",
				this.clock.instant(), "事项已办结", grant.id());

		assertProblem(ask(resource, query()), HttpStatus.FORBIDDEN, "GRANT_REVOKED");
		providerSystem.verify(1, postRequestedFor(urlEqualTo("/reads/revoked-elsewhere")));
	}

	@Test
	void usesANewVersionRightAfterItIsPublishedAndRefusesOnceItIsRetired() {
		String resource = stubbed("/reads/v1");
		grant(resource, false, "address");
		providerSystem.stubFor(post("/reads/v2").willReturn(okJson("[{\"address\": \"乙\"}]")));
		assertThat(ask(resource, query())).hasStatusOk().bodyJson().extractingPath("$.data[0].address").isEqualTo("甲");

		this.catalogue.update(system(PROVIDER, "catalog.write"), resource, movedTo("/reads/v2", resource));

		assertThat(ask(resource, query())).hasStatusOk().bodyJson().extractingPath("$.data[0].address").isEqualTo("乙");
		assertThat(queryEvents(resource).getLast().details()).containsEntry("resourceVersion", 2);
		providerSystem.verify(1, postRequestedFor(urlEqualTo("/reads/v1")));

		this.catalogue.retire(system(PROVIDER, "catalog.write"), resource, "停止共享");

		assertProblem(ask(resource, query()), HttpStatus.CONFLICT, "RESOURCE_RETIRED");
		providerSystem.verify(1, postRequestedFor(urlEqualTo("/reads/v2")));
	}

	@Test
	void usesAVersionAddedThroughAnotherInstanceWithinTheTimeItIsKept() {
		String resource = stubbed("/reads/elsewhere-v1");
		grant(resource, false, "address");
		providerSystem.stubFor(post("/reads/elsewhere-v2").willReturn(okJson("[{\"address\": \"乙\"}]")));
		assertThat(ask(resource, query())).hasStatusOk();

		DataResource current = this.resources.findFirstByCodeOrderByVersionDesc(resource).orElseThrow();
		this.resources.save(current.nextVersion(movedTo("/reads/elsewhere-v2", resource),
				this.clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		this.resources.supersede(resource, 2);
		assertThat(ask(resource, query())).hasStatusOk().bodyJson().extractingPath("$.data[0].address").isEqualTo("甲");

		this.clock.advance(CurrentVersions.KEPT);

		assertThat(ask(resource, query())).hasStatusOk().bodyJson().extractingPath("$.data[0].address").isEqualTo("乙");
	}

	@Test
	void stopsCallingAProviderRemovedFromTheAllowlistAtOnce() {
		String resource = stubbed("/reads/removed");
		grant(resource, false, "address");
		assertThat(ask(resource, query())).hasStatusOk();

		this.allowlist.remove(admin(), "127.0.0.1");

		assertProblem(ask(resource, query()), HttpStatus.BAD_GATEWAY, "PROVIDER_NOT_ALLOWED");
		providerSystem.verify(1, postRequestedFor(urlEqualTo("/reads/removed")));
	}

	@Test
	void stopsCallingAProviderRemovedThroughAnotherInstanceWithinTheTimeItsEntryIsKept() {
		String resource = stubbed("/reads/removed-elsewhere");
		grant(resource, false, "address");
		assertThat(ask(resource, query())).hasStatusOk();

		this.jdbc.update("DELETE FROM exchange_provider WHERE host = ?", "127.0.0.1");
		assertThat(ask(resource, query())).hasStatusOk();

		this.clock.advance(ProviderAllowlist.ENTRY_KEPT);

		assertProblem(ask(resource, query()), HttpStatus.BAD_GATEWAY, "PROVIDER_NOT_ALLOWED");
		providerSystem.verify(2, postRequestedFor(urlEqualTo("/reads/removed-elsewhere")));
	}

	@Test
	void readsTheResourceAndTheAllowlistOnceAndThenOnlyTheGrant() {
		String resource = stubbed("/reads/counted");
		grant(resource, false, "address", "name");

		List<String> first = this.statements.during(() -> assertThat(ask(resource, query())).hasStatusOk());
		List<String> next = this.statements.during(() -> assertThat(ask(resource, query())).hasStatusOk());

		assertThat(first).hasSize(4);
		assertThat(first.get(0)).startsWith("select")
			.contains("from data_resource")
			.contains("join data_item")
			.contains("join endpoint_parameter");
		assertThat(first.get(1)).startsWith("select").contains("from exchange_provider");
		assertThat(first.get(2)).startsWith("select")
			.contains("from sharing_grant")
			.contains("join sharing_grant_item");
		assertThat(first.get(3)).startsWith("insert into exchange_receipt");
		assertThat(next).containsExactly(first.get(2), first.get(3));
	}

	private String stubbed(String path) {
		String resource = resource(1, path);
		providerSystem.stubFor(post(path).willReturn(okJson("[{\"address\": \"甲\"}]")));
		return resource;
	}

	/**
	 * The resource as it is, with its endpoint at another path of the provider system.
	 */
	private ResourceDraft movedTo(String path, String resource) {
		DataResource current = this.resources.findFirstByCodeOrderByVersionDesc(resource).orElseThrow();
		return new ResourceDraft(current.description(), current.grading(),
				new DataResource.Endpoint("http://127.0.0.1:" + providerSystem.port() + path, "POST"),
				current.parameters(), current.items());
	}

}
