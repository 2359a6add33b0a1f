package org.shutong.catalog.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.SharingType;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant past its time reads as expired at once and is not live; the expiry job then
 * records it, once, with its audit event. An application whose time passed before it was
 * decided cannot be approved.
 */
class GrantExpiryTests extends SharingTest {

	private static final String SERVICE_ITEM = "330100-MZ-0012";

	@Autowired
	private SharingService sharing;

	@Autowired
	private GrantExpiry expiry;

	@Test
	void aGrantPastItsTimeIsExpiredAndNotLive() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		Instant validUntil = this.clock.instant().plus(Duration.ofDays(1));
		String grantId = read(file(consumer(), resource, application(List.of("name"), validUntil)), "$.grantId");
		assertThat(
				this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, SERVICE_ITEM, validUntil.minusNanos(1000)))
			.isPresent();

		this.clock.advance(Duration.ofDays(2));

		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, SERVICE_ITEM, validUntil)).isEmpty();
		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, SERVICE_ITEM, this.clock.instant()))
			.isEmpty();
		MvcTestResult grant = get("/api/catalog/grants/" + grantId, consumer());
		assertThat(grant).bodyJson().extractingPath("$.status").isEqualTo("EXPIRED");
		assertThat(grant).bodyJson().extractingPath("$.endedAt").isEqualTo(validUntil.toString());
		assertThat(listedIds("/api/catalog/grants?side=consumer&status=EXPIRED", consumer())).contains(grantId);
		assertThat(listedIds("/api/catalog/grants?side=provider&status=EXPIRED", provider())).contains(grantId);
		assertThat(listedIds("/api/catalog/grants?side=consumer&status=ACTIVE", consumer())).doesNotContain(grantId);
		assertProblem(post("/api/catalog/grants/" + grantId + "/revoke", provider(), Map.of("reason", "过期")),
				HttpStatus.CONFLICT, "GRANT_NOT_ACTIVE");
		assertThat(actions(resource)).doesNotContain("sharing.grant.expire", "sharing.grant.revoke");
	}

	@Test
	void theExpiryJobRecordsEachExpiryOnceWithItsAuditEvent() {
		String resource = resource(SharingType.UNCONDITIONAL, "name", "idNumber");
		Instant validUntil = this.clock.instant().plus(Duration.ofHours(1));
		String grantId = read(file(consumer(), resource, application(List.of("idNumber"), validUntil)), "$.grantId");
		String lasting = read(
				file(consumer(), resource, application(List.of("name"), validUntil.plus(Duration.ofDays(30)))),
				"$.grantId");

		this.clock.advance(Duration.ofHours(2));
		assertThat(this.expiry.recordDue()).isPositive();
		assertThat(this.expiry.recordDue()).isZero();

		List<AuditEvent> expired = auditEvents(resource).stream()
			.filter((event) -> event.action().equals("sharing.grant.expire"))
			.toList();
		assertThat(expired).singleElement().satisfies((event) -> {
			assertThat(event.actor()).isEqualTo(new AuditEvent.Actor(null, "catalog-service", null));
			assertThat(event.details()).containsEntry("grantId", grantId).containsEntry("items", List.of("idNumber"));
		});
		assertThat(get("/api/catalog/grants/" + grantId, provider())).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("EXPIRED");
		assertThat(get("/api/catalog/grants/" + lasting, provider())).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("ACTIVE");
		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, SERVICE_ITEM, this.clock.instant()))
			.hasValueSatisfying((grant) -> assertThat(grant.id()).isEqualTo(lasting));
	}

	@Test
	void anApplicationPastItsTimeCannotBeApproved() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = read(file(consumer(), resource,
				application(List.of("name"), this.clock.instant().plus(Duration.ofMinutes(5)))), "$.id");
		this.clock.advance(Duration.ofMinutes(6));

		assertProblem(post("/api/catalog/applications/" + id + "/approve", provider(), Map.of()), HttpStatus.CONFLICT,
				"APPLICATION_LAPSED");
		assertThat(actions(resource)).containsExactly("sharing.application.file");
	}

	private List<String> actions(String resource) {
		return auditEvents(resource).stream().map(AuditEvent::action).toList();
	}

}
