package org.shutong.catalog.sharing;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;

/**
 * Catalogue entries for the sharing tests, saved straight through the repository (not the
 * publishing endpoint), each under a code of its own.
 */
final class SharingFixtures {

	/** The consumer department of the tests (a district's civil affairs bureau). */
	static final String CONSUMER = "113301000024825001";

	/** The provider department (the city's public security bureau). */
	static final String PROVIDER = "11330100002482100A";

	/** A third department, party to nothing. */
	static final String OTHER = "11100000000013338W";

	private SharingFixtures() {
	}

	static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static DataResource resource(String code, int version, String provider, SharingType sharingType, String... items) {
		return new DataResource(code, version, provider, new DataResource.Description("户籍人口信息", "由市公安局提供", "公安"),
				new DataResource.Grading(3, sharingType, (sharingType == SharingType.CONDITIONAL) ? "仅限政务服务事项" : null,
						OpenType.NOT_OPEN, UpdateCycle.DAILY),
				new DataResource.Endpoint("https://ga.example.gov/api/households", "POST"),
				Arrays.stream(items).map((item) -> new DataItem(item, "string", item, false)).toList(),
				Instant.parse("2026-01-01T00:00:00Z"));
	}

}
