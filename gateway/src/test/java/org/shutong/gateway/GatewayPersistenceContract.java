package org.shutong.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.audit.AdminAudit;
import org.shutong.gateway.department.Department;
import org.shutong.gateway.department.DepartmentRegistry;
import org.shutong.gateway.department.DepartmentRepository;
import org.shutong.gateway.testing.IdentityNumbers;
import org.shutong.gateway.testing.RecordedAuditEvents;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.testing.AuditOutboxContract;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class GatewayPersistenceContract extends ServiceStartupContract implements AuditOutboxContract {

	@Autowired
	private DepartmentRepository departments;

	@Autowired
	private DepartmentRegistry registry;

	@Autowired
	private RecordedAuditEvents audit;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void storesAndReadsBackADepartment() {
		String name = "公安局 " + UUID.randomUUID();
		this.departments.save(new Department(new CreditCode("11100000000013338W"), name, "省本级", Instant.now()));

		assertThat(this.departments.existsByName(name)).isTrue();
		assertThat(this.departments.findAllByOrderByName()).extracting(Department::name).contains(name);
	}

	@Test
	void auditsARegisteredDepartmentThroughItsOutbox() {
		String creditCode = IdentityNumbers.creditCode();
		this.registry.register(creditCode, "审计部门 " + UUID.randomUUID(), "省本级");

		AuditEvent event = this.audit.await(AdminAudit.DEPARTMENT_CREATE, "department/" + creditCode);
		// Not an administrator's request: the gateway acted on its own.
		assertThat(event.actor()).isEqualTo(new AuditEvent.Actor(null, "gateway", null));
		// Deleted from the outbox once acknowledged.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?",
							Integer.class, "%" + event.eventId() + "%"))
				.isZero());
	}

}
