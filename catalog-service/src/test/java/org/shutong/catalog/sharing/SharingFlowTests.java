package org.shutong.catalog.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.SharingType;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharing workflow as the two departments go through it: apply, approve (narrowing
 * the items), both sides see the grant, the provider revokes it; and a resource shared
 * unconditionally, approved at once. Each change leaves its audit event in the outbox.
 */
class SharingFlowTests extends SharingTest {

	@Autowired
	private SharingService sharing;

	@Test
	void appliesApprovesWithNarrowedItemsAndRevokes() {
		String resource = resource(SharingType.CONDITIONAL, "name", "idNumber", "address", "photo");
		Instant validUntil = this.clock.instant().plus(Duration.ofDays(180));

		MvcTestResult filed = file(consumer(), resource,
				application(List.of("name", "idNumber", "address"), validUntil));
		assertThat(filed).hasStatus(HttpStatus.CREATED);
		String id = read(filed, "$.id");
		assertThat(filed).headers().hasValue("Location", "/api/catalog/applications/" + id);
		assertThat(filed).bodyJson()
			.isLenientlyEqualTo("""
					{"resourceCode": "%s", "resourceVersion": 1, "provider": "%s", "consumer": "%s",
					 "purpose": "办理低保资格审核", "legalBasis": "《社会救助暂行办法》第十一条", "items": ["name", "idNumber", "address"],
					 "serviceItemCode": "330100-MZ-0012", "validUntil": "%s", "status": "PENDING", "grantId": null}"""
				.formatted(resource, SharingFixtures.PROVIDER, SharingFixtures.CONSUMER, validUntil));

		assertThat(listedIds("/api/catalog/applications?side=consumer&status=PENDING", consumer())).contains(id);
		assertThat(listedIds("/api/catalog/applications?side=provider", operator(SharingFixtures.PROVIDER)))
			.contains(id);
		assertThat(get("/api/catalog/applications/" + id, provider())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("PENDING");

		MvcTestResult approved = post("/api/catalog/applications/" + id + "/approve",
				operator(SharingFixtures.PROVIDER), Map.of("items", List.of("address", "name")));
		assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
		String grantId = read(approved, "$.grantId");

		for (String token : List.of(consumer(), provider())) {
			MvcTestResult grant = get("/api/catalog/grants/" + grantId, token);
			assertThat(grant).hasStatusOk()
				.bodyJson()
				.isLenientlyEqualTo("""
						{"applicationId": "%s", "resourceCode": "%s", "resourceVersion": 1, "provider": "%s",
						 "consumer": "%s", "items": ["address", "name"], "serviceItemCode": "330100-MZ-0012",
						 "validUntil": "%s", "status": "ACTIVE", "endedAt": null}""".formatted(id, resource,
						SharingFixtures.PROVIDER, SharingFixtures.CONSUMER, validUntil));
		}
		assertThat(listedIds("/api/catalog/grants?side=consumer&status=ACTIVE", consumer())).contains(grantId);
		assertThat(listedIds("/api/catalog/grants?side=provider", provider())).contains(grantId);
		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, "330100-MZ-0012", this.clock.instant()))
			.hasValueSatisfying((grant) -> assertThat(grant.id()).isEqualTo(grantId));
		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, "330100-OTHER", this.clock.instant()))
			.isEmpty();

		MvcTestResult revoked = post("/api/catalog/grants/" + grantId + "/revoke", provider(),
				Map.of("reason", "低保审核事项已办结"));
		assertThat(revoked).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("REVOKED");
		assertThat(revoked).bodyJson().extractingPath("$.revokeReason").isEqualTo("低保审核事项已办结");
		assertThat(get("/api/catalog/grants/" + grantId, consumer())).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("REVOKED");
		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, "330100-MZ-0012", this.clock.instant()))
			.isEmpty();
		assertThat(listedIds("/api/catalog/grants?side=consumer&status=ACTIVE", consumer())).doesNotContain(grantId);
		assertThat(listedIds("/api/catalog/grants?side=consumer&status=REVOKED", consumer())).contains(grantId);

		List<AuditEvent> events = auditEvents(resource);
		assertThat(events).extracting(AuditEvent::action)
			.containsExactly("sharing.application.file", "sharing.application.approve", "sharing.grant.revoke");
		assertThat(outboxRowsMentioning(resource)).isEqualTo(3);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.service()).isEqualTo("catalog-service");
			assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
			assertThat(event.serviceItemCode()).isEqualTo("330100-MZ-0012");
		});
		AuditEvent file = events.get(0);
		assertThat(file.actor())
			.isEqualTo(new AuditEvent.Actor(SharingFixtures.CONSUMER, "system-" + SharingFixtures.CONSUMER, null));
		assertThat(file.details()).containsEntry("applicationId", id)
			.containsEntry("items", List.of("name", "idNumber", "address"));
		AuditEvent approve = events.get(1);
		assertThat(approve.actor()).isEqualTo(new AuditEvent.Actor(SharingFixtures.PROVIDER, "shutong-console",
				"operator-" + SharingFixtures.PROVIDER));
		assertThat(approve.details()).containsEntry("applicationId", id)
			.containsEntry("grantId", grantId)
			.containsEntry("grantedItems", List.of("address", "name"));
		AuditEvent revoke = events.get(2);
		assertThat(revoke.actor().departmentCode()).isEqualTo(SharingFixtures.PROVIDER);
		assertThat(revoke.details()).containsEntry("grantId", grantId)
			.containsEntry("items", List.of("address", "name"));
	}

	@Test
	void approvesAnUnconditionalResourceAtOnceWithAGrant() {
		String resource = resource(SharingType.UNCONDITIONAL, "name", "idNumber");

		MvcTestResult filed = file(consumer(), resource,
				application(List.of("idNumber"), this.clock.instant().plus(Duration.ofDays(30))));

		assertThat(filed).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
		String grantId = read(filed, "$.grantId");
		assertThat(get("/api/catalog/grants/" + grantId, consumer())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items")
			.isEqualTo(List.of("idNumber"));
		assertThat(this.sharing.liveGrant(SharingFixtures.CONSUMER, resource, "330100-MZ-0012", this.clock.instant()))
			.isPresent();
		List<AuditEvent> events = auditEvents(resource);
		assertThat(events).extracting(AuditEvent::action)
			.containsExactly("sharing.application.file", "sharing.application.approve");
		// Approved by the platform itself, not by a department.
		assertThat(events.get(1).actor()).isEqualTo(new AuditEvent.Actor(null, "catalog-service", null));
	}

	@Test
	void rejectsWithAReason() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));

		MvcTestResult rejected = post("/api/catalog/applications/" + id + "/reject", provider(),
				Map.of("reason", "申请用途与共享条件不符"));

		assertThat(rejected).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"status": "REJECTED", "rejectionReason": "申请用途与共享条件不符", "grantId": null}""");
		assertThat(listedIds("/api/catalog/applications?side=consumer&status=REJECTED", consumer())).contains(id);
		assertThat(auditEvents(resource)).extracting(AuditEvent::action)
			.containsExactly("sharing.application.file", "sharing.application.reject");
	}

	@Test
	void appliesForTheNewestVersion() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		this.resources.save(SharingFixtures.resource(resource, 2, SharingFixtures.PROVIDER, SharingType.CONDITIONAL,
				"name", "householdNumber"));

		String id = fileApplication(resource, List.of("householdNumber"));

		assertThat(get("/api/catalog/applications/" + id, consumer())).bodyJson()
			.extractingPath("$.resourceVersion")
			.isEqualTo(2);
	}

}
