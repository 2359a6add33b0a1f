package org.shutong.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.ResourceStatus;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;
import org.shutong.platform.testing.AuditOutboxContract;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class CatalogPersistenceContract extends ServiceStartupContract implements AuditOutboxContract {

	@Autowired
	private DataResourceRepository resources;

	@Test
	void storesAndReadsBackAResourceWithItsItems() {
		String code = "MZ-" + UUID.randomUUID().toString().substring(0, 8);
		DataItem name = new DataItem("name", "string", "姓名", true);
		DataItem date = new DataItem("registeredOn", "date", "登记日期", false);
		this.resources.save(new DataResource(code, 1, "11100000000013338W",
				new DataResource.Description("婚姻登记信息", "Marriage registrations", "民政"),
				new DataResource.Grading(3, SharingType.CONDITIONAL, "仅限办理婚姻相关事项", OpenType.NOT_OPEN,
						UpdateCycle.DAILY),
				new DataResource.Endpoint("https://mz.example.gov/api/marriages", "POST"), List.of(name, date),
				Instant.now()));

		DataResource stored = this.resources.findFirstByCodeOrderByVersionDesc(code).orElseThrow();
		assertThat(stored.description().name()).isEqualTo("婚姻登记信息");
		assertThat(stored.grading().sharingType()).isEqualTo(SharingType.CONDITIONAL);
		assertThat(stored.items()).containsExactly(name, date);
		assertThat(stored.status()).isEqualTo(ResourceStatus.ACTIVE);
	}

}
