package org.shutong.catalog.resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shutong.catalog.resource.ResourceCatalogueTransactionTests.caller;
import static org.shutong.catalog.resource.ResourceCatalogueTransactionTests.draft;

/**
 * The catalogue's queries and its code counter on the MySQL-compatible server (started by
 * {@code .ci/run}), on the scratch schema rebuilt by Flyway.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class ResourceRepositoryMysqlTests {

	@Autowired
	private ResourceCatalogue catalogue;

	@Autowired
	private DataResourceRepository resources;

	@Autowired
	private CurrentVersions currentVersions;

	@Test
	void storesEveryVersionWithItsItemsAndParameters() {
		String department = Departments.fresh();
		DataResource published = this.catalogue.publish(caller(department), draft());
		String code = published.code();
		assertThat(code).isEqualTo("ZJ-" + department + "-000001");
		this.catalogue.update(caller(department), code, changedDraft());
		this.catalogue.retire(caller(department), code, "并入不动产统一登记");

		assertThat(this.resources.findVersions(code)).extracting(ResourceVersion::version, ResourceVersion::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, ResourceStatus.ACTIVE),
					org.assertj.core.groups.Tuple.tuple(2, ResourceStatus.ACTIVE),
					org.assertj.core.groups.Tuple.tuple(3, ResourceStatus.RETIRED));
		DataResource first = this.resources.findByCodeAndVersion(code, 1).orElseThrow();
		assertThat(first.parameters()).containsExactlyElementsOf(draft().parameters());
		assertThat(first.items()).containsExactlyElementsOf(draft().items());
		assertThat(first.createdAt()).isEqualTo(published.createdAt());
		DataResource latest = this.resources.findFirstByCodeOrderByVersionDesc(code).orElseThrow();
		assertThat(latest.version()).isEqualTo(3);
		assertThat(latest.retiredReason()).isEqualTo("并入不动产统一登记");
		assertThat(latest.parameters()).containsExactlyElementsOf(changedDraft().parameters());
		assertThat(latest.description().name()).isEqualTo("房屋登记信息（含抵押）");
	}

	@Test
	void readsTheCurrentVersionWholeForTheBrokerAndForgetsItWhenAVersionFollows() {
		String department = Departments.fresh();
		String code = this.catalogue.publish(caller(department), draft()).code();

		DataResource first = this.currentVersions.of(code).orElseThrow();
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.items()).containsExactlyElementsOf(draft().items());
		assertThat(first.parameters()).containsExactlyElementsOf(draft().parameters());
		this.catalogue.update(caller(department), code, changedDraft());
		DataResource second = this.currentVersions.of(code).orElseThrow();
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.items()).containsExactlyElementsOf(changedDraft().items());
		assertThat(second.parameters()).containsExactlyElementsOf(changedDraft().parameters());
		this.catalogue.retire(caller(department), code, "并入不动产统一登记");
		assertThat(this.currentVersions.of(code)).hasValueSatisfying((retired) -> {
			assertThat(retired.version()).isEqualTo(3);
			assertThat(retired.isRetired()).isTrue();
		});
		assertThat(this.currentVersions.of(code + "9")).isEmpty();
	}

	@Test
	void filtersTheNewestVersionsOfEachResource() {
		String department = Departments.fresh();
		String kept = this.catalogue.publish(caller(department), draft()).code();
		String updated = this.catalogue.publish(caller(department), draft()).code();
		this.catalogue.update(caller(department), updated, changedDraft());
		String retired = this.catalogue.publish(caller(department), draft()).code();
		this.catalogue.retire(caller(department), retired, null);

		assertThat(codes(this.resources.findNewest(ResourceStatus.ACTIVE, null, null, department, null, page())))
			.containsExactly(kept, updated);
		assertThat(codes(this.resources.findNewest(ResourceStatus.ACTIVE, "ZJ", SharingType.UNCONDITIONAL, department,
				(short) 2, page())))
			.containsExactly(kept);
		assertThat(codes(this.resources.findNewest(ResourceStatus.ACTIVE, "ZJ", SharingType.CONDITIONAL, department,
				(short) 4, page())))
			.containsExactly(updated);
		assertThat(codes(this.resources.findNewest(ResourceStatus.ACTIVE, "GA", null, department, null, page())))
			.isEmpty();
		assertThat(codes(this.resources.findNewest(ResourceStatus.RETIRED, null, null, department, null, page())))
			.containsExactly(retired);
		Page<ResourceSummary> second = this.resources.findNewest(ResourceStatus.ACTIVE, null, null, department, null,
				PageRequest.of(1, 1));
		assertThat(codes(second)).containsExactly(updated);
		assertThat(second.getTotalElements()).isEqualTo(2);
	}

	@Test
	void concurrentPublishesOnMariaDbGetDistinctConsecutiveCodes() throws Exception {
		String department = Departments.fresh();
		int count = 16;
		List<Callable<String>> publishes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			publishes.add(() -> this.catalogue.publish(caller(department), draft()).code());
		}
		Set<String> codes = new HashSet<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<String> code : pool.invokeAll(publishes)) {
				codes.add(code.get());
			}
		}
		Set<String> expected = new HashSet<>();
		for (int serial = 1; serial <= count; serial++) {
			expected.add(ResourceCodes.format(ResourceCategory.ZJ, department, serial));
		}
		assertThat(codes).isEqualTo(expected);
	}

	private static ResourceDraft changedDraft() {
		return new ResourceDraft(new DataResource.Description("房屋登记信息（含抵押）", "不动产登记及抵押", "ZJ"),
				new DataResource.Grading(4, SharingType.CONDITIONAL, "仅限不动产相关事项", OpenType.NOT_OPEN, UpdateCycle.DAILY),
				new DataResource.Endpoint("https://zj.example.gov/api/v2/houses", "POST"),
				List.of(new EndpointParameter("houseId", "string", true, "房屋编号"),
						new EndpointParameter("asOf", "date", false, "查询日期")),
				List.of(new DataItem("address", "string", "坐落", false),
						new DataItem("mortgagee", "string", "抵押权人", true)));
	}

	private static PageRequest page() {
		return PageRequest.of(0, 20);
	}

	private static List<String> codes(Page<ResourceSummary> page) {
		return page.getContent().stream().map(ResourceSummary::code).toList();
	}

}
