package org.shutong.catalog.resource;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.security.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A change and its audit event share one transaction: both are stored, or neither.
 */
@SpringBootTest
@ActiveProfiles("test")
class ResourceCatalogueTransactionTests {

	@Autowired
	private ResourceCatalogue catalogue;

	@Autowired
	private DataResourceRepository resources;

	@Autowired
	private EventPublicationRepository publications;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ResourceCodes codes;

	@Test
	void storesTheAuditEventInTheTransactionOfThePublish() {
		String department = Departments.fresh();
		String code = "ZJ-" + department + "-000001";
		this.transactions.executeWithoutResult((status) -> {
			DataResource published = this.catalogue.publish(caller(department), draft());
			assertThat(published.code()).isEqualTo(code);
			assertThat(events(code)).singleElement()
				.satisfies((event) -> assertThat(event.action()).isEqualTo("catalog.resource.publish"));
			status.setRollbackOnly();
		});
		assertThat(this.resources.findVersions(code)).isEmpty();
		assertThat(events(code)).isEmpty();

		// The rolled back publish gave its serial back.
		DataResource published = this.catalogue.publish(caller(department), draft());
		assertThat(published.code()).isEqualTo(code);
		assertThat(events(code)).singleElement()
			.satisfies((event) -> assertThat(event.details()).isEqualTo(java.util.Map.of("version", 1)));
	}

	@Test
	void rollsBackAnUpdateWithItsAuditEvent() {
		String department = Departments.fresh();
		String code = this.catalogue.publish(caller(department), draft()).code();
		this.transactions.executeWithoutResult((status) -> {
			this.catalogue.update(caller(department), code, draft());
			this.catalogue.retire(caller(department), code, "test");
			assertThat(events(code)).hasSize(3);
			status.setRollbackOnly();
		});
		assertThat(this.resources.findVersions(code)).hasSize(1);
		assertThat(events(code)).extracting(AuditEvent::action).containsExactly("catalog.resource.publish");
	}

	@Test
	void givesOutCodesOnlyInsideATransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.codes.next(ResourceCategory.GA, Departments.fresh()));
	}

	static Caller caller(String department) {
		return new Caller("system-a", "system-a", department, Set.of("catalog.write"), Set.of(), null);
	}

	static ResourceDraft draft() {
		return new ResourceDraft(new DataResource.Description("房屋登记信息", "不动产登记", "ZJ"),
				new DataResource.Grading(2, SharingType.UNCONDITIONAL, null, OpenType.CONDITIONAL, UpdateCycle.WEEKLY),
				new DataResource.Endpoint("https://zj.example.gov/api/houses", "GET"),
				List.of(new EndpointParameter("houseId", "string", true, "房屋编号")),
				List.of(new DataItem("address", "string", "坐落", false)));
	}

	private List<AuditEvent> events(String code) {
		return this.publications.findIncompletePublications()
			.stream()
			.map(TargetEventPublication::getEvent)
			.filter(AuditEvent.class::isInstance)
			.map(AuditEvent.class::cast)
			.filter((event) -> code.equals(event.resource()))
			.toList();
	}

}
