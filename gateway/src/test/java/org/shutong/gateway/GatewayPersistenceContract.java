package org.shutong.gateway;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.department.Department;
import org.shutong.gateway.department.DepartmentRepository;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class GatewayPersistenceContract extends ServiceStartupContract {

	@Autowired
	private DepartmentRepository departments;

	@Test
	void storesAndReadsBackADepartment() {
		String name = "公安局 " + UUID.randomUUID();
		this.departments.save(new Department(new CreditCode("11100000000013338W"), name, "省本级", Instant.now()));

		assertThat(this.departments.existsByName(name)).isTrue();
		assertThat(this.departments.findAllByOrderByName()).extracting(Department::name).contains(name);
	}

}
