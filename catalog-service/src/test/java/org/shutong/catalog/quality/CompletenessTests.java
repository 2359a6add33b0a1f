package org.shutong.catalog.quality;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.EndpointParameter;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;

import static org.assertj.core.api.Assertions.assertThat;

class CompletenessTests {

	@Test
	void everyOptionalAttributeFilledIsComplete() {
		Completeness completeness = Completeness
			.of(resource(List.of(new EndpointParameter("idNumber", "string", true, "公民身份号码")),
					new DataItem("name", "string", "姓名", true), new DataItem("born", "date", "出生日期", false)));
		assertThat(completeness).isEqualTo(new Completeness(100, 4, 4, List.of()));
	}

	@Test
	void namesEachMissingDescriptionAndScoresTheShareFilled() {
		Completeness completeness = Completeness.of(resource(
				List.of(new EndpointParameter("idNumber", "string", true, null),
						new EndpointParameter("name", "string", false, "姓名")),
				new DataItem("name", "string", "姓名", true), new DataItem("born", "date", " ", false),
				new DataItem("address", "string", null, false)));
		// 3 items, the parameters, 2 parameter descriptions: 3 of 6 filled.
		assertThat(completeness.missing()).containsExactly("items[1].description", "items[2].description",
				"endpoint.parameters[0].description");
		assertThat(completeness.total()).isEqualTo(6);
		assertThat(completeness.filled()).isEqualTo(3);
		assertThat(completeness.score()).isEqualTo(50);
	}

	@Test
	void anEndpointWithoutParametersIsMissingThem() {
		Completeness completeness = Completeness.of(resource(List.of(), new DataItem("name", "string", "姓名", true)));
		assertThat(completeness.missing()).containsExactly("endpoint.parameters");
		assertThat(completeness.score()).isEqualTo(50);
	}

	private static DataResource resource(List<EndpointParameter> parameters, DataItem... items) {
		return new DataResource("GA-x", 1, "11330100002482100A", new DataResource.Description("户籍人口信息", "说明", "GA"),
				new DataResource.Grading(3, SharingType.CONDITIONAL, "仅限政务服务事项", OpenType.NOT_OPEN, UpdateCycle.DAILY),
				new DataResource.Endpoint("https://ga.example.gov/api", "POST"), parameters, List.of(items),
				Instant.parse("2026-01-01T00:00:00Z"));
	}

}
