package org.shutong.catalog.resource;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shutong.catalog.resource.ResourceCatalogueTransactionTests.caller;
import static org.shutong.catalog.resource.ResourceCatalogueTransactionTests.draft;

/**
 * Search after publishing, updating and retiring on the MySQL-compatible server: the
 * index follows the commits and loads what it finds from MariaDB.
 */
@SpringBootTest
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class ResourceSearchMysqlTests {

	@Autowired
	private ResourceCatalogue catalogue;

	@Autowired
	private ResourceSearch search;

	@Autowired
	private SearchIndexInitializer initializer;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Test
	void findsWhatWasPublishedAndFollowsItsVersions() {
		String department = Departments.fresh();
		String code = this.catalogue.publish(caller(department), draft()).code();

		assertThat(find("不动产", department, ResourceStatus.ACTIVE)).extracting(ResourceSummary::code)
			.containsExactly(code);
		assertThat(find("房屋", department, ResourceStatus.ACTIVE)).extracting(ResourceSummary::version)
			.containsExactly(1);

		this.catalogue.retire(caller(department), code, "并入不动产统一登记");
		assertThat(find("房屋", department, ResourceStatus.ACTIVE)).isEmpty();
		assertThat(find("房屋", department, ResourceStatus.RETIRED)).extracting(ResourceSummary::version)
			.containsExactly(2);
	}

	@Test
	void buildsAnEmptyIndexFromTheCurrentVersions() throws InterruptedException {
		String department = Departments.fresh();
		String code = this.catalogue.publish(caller(department), draft()).code();
		this.catalogue.update(caller(department), code, draft());
		Search.mapping(this.entityManagerFactory).scope(DataResource.class).workspace().purge();
		assertThat(find("房屋", department, ResourceStatus.ACTIVE)).isEmpty();

		this.initializer.indexWhenEmpty();
		assertThat(find("房屋", department, ResourceStatus.ACTIVE)).extracting(ResourceSummary::version)
			.containsExactly(2);
	}

	private List<ResourceSummary> find(String query, String provider, ResourceStatus status) {
		return this.search.search(query, status, null, null, provider, null, PageRequest.of(0, 20)).getContent();
	}

}
