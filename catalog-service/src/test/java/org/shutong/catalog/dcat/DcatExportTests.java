package org.shutong.catalog.dcat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;
import org.shutong.platform.testing.GatewayStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/catalog/export/dcat}: the JSON-LD is parsed and its datasets checked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DcatExportTests {

	static final String PROVIDER = "11330100002482100A";

	final GatewayStandIn gateway = GatewayStandIn.shared();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataResourceRepository resources;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@Test
	void eachCurrentPublishedResourceIsADatasetWithItsFields() throws Exception {
		String conditional = "MZ-" + UUID.randomUUID().toString().substring(0, 8);
		DataResource first = resource(conditional, 1, SharingType.CONDITIONAL, "婚姻登记信息 v1");
		this.resources.save(first);
		this.resources
			.save(first.nextVersion(
					new org.shutong.catalog.resource.ResourceDraft(
							new DataResource.Description("婚姻登记信息", "结婚、离婚登记记录", "MZ"), first.grading(),
							first.endpoint(), first.parameters(), first.items()),
					Instant.parse("2026-02-01T00:00:00Z")));
		String open = "MZ-" + UUID.randomUUID().toString().substring(0, 8);
		this.resources.save(resource(open, 1, SharingType.UNCONDITIONAL, "殡葬服务机构"));
		String retired = "MZ-" + UUID.randomUUID().toString().substring(0, 8);
		DataResource toRetire = resource(retired, 1, SharingType.NOT_SHARED, "旧低保名单");
		this.resources.save(toRetire);
		this.resources.save(toRetire.retiredVersion("停止提供", Instant.parse("2026-01-05T00:00:00Z")));

		MvcTestResult result = export(system("catalog.read"));
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("application/ld+json");
		JsonNode catalog = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(catalog.get("@context").get("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
		assertThat(catalog.get("@context").get("dct").asString()).isEqualTo("http://purl.org/dc/terms/");
		assertThat(catalog.get("@context").get("foaf").asString()).isEqualTo("http://xmlns.com/foaf/0.1/");
		assertThat(catalog.get("@type").asString()).isEqualTo("dcat:Catalog");
		List<JsonNode> datasets = catalog.get("dcat:dataset").valueStream().toList();
		assertThat(datasets)
			.allSatisfy((dataset) -> assertThat(dataset.get("@type").asString()).isEqualTo("dcat:Dataset"));
		assertThat(datasets.stream().map((dataset) -> dataset.get("dct:identifier").asString()))
			.contains(conditional, open)
			.doesNotContain(retired)
			.doesNotHaveDuplicates()
			.isSorted();

		JsonNode dataset = dataset(datasets, conditional);
		assertThat(dataset.get("dct:title").asString()).isEqualTo("婚姻登记信息");
		assertThat(dataset.get("dct:description").asString()).isEqualTo("结婚、离婚登记记录");
		assertThat(dataset.get("dct:publisher").get("@type").asString()).isEqualTo("foaf:Organization");
		assertThat(dataset.get("dct:publisher").get("dct:identifier").asString()).isEqualTo(PROVIDER);
		assertThat(dataset.get("dcat:theme").asString()).isEqualTo("MZ");
		assertThat(dataset.get("dct:accessRights").get("@id").asString()).endsWith("/RESTRICTED");
		assertThat(dataset.get("dcat:keyword").valueStream().map(JsonNode::asString)).containsExactly("name",
				"marriedOn");
		assertThat(dataset.get("dcat:distribution").get("@type").asString()).isEqualTo("dcat:Distribution");
		assertThat(dataset.get("dcat:distribution").get("dcat:accessURL").get("@id").asString())
			.isEqualTo("https://mz.example.gov/api/marriages");
		assertThat(dataset(datasets, open).get("dct:accessRights").get("@id").asString()).endsWith("/PUBLIC");
	}

	@Test
	void aCatalogueLargerThanOnePageIsExportedWhole() throws Exception {
		String prefix = "ZZ-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		for (int i = 0; i < 205; i++) {
			this.resources.save(resource(prefix + String.format("%03d", i), 1, SharingType.CONDITIONAL, "资源 " + i));
		}
		MvcTestResult result = export(system("catalog.read"));
		JsonNode catalog = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(catalog.get("dcat:dataset")
			.valueStream()
			.map((dataset) -> dataset.get("dct:identifier").asString())
			.filter((code) -> code.startsWith(prefix))).hasSize(205).doesNotHaveDuplicates();
	}

	@Test
	void refusesCallersWithoutCatalogRead() {
		MvcTestResult refused = export(system("sharing.apply"));
		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("FORBIDDEN");
		assertThat(this.mvc.get().uri("/api/catalog/export/dcat").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private static JsonNode dataset(List<JsonNode> datasets, String code) {
		return datasets.stream()
			.filter((dataset) -> dataset.get("dct:identifier").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static DataResource resource(String code, int version, SharingType sharingType, String name) {
		return new DataResource(code, version, PROVIDER, new DataResource.Description(name, "说明 " + name, "MZ"),
				new DataResource.Grading(2, sharingType, (sharingType == SharingType.CONDITIONAL) ? "仅限政务服务事项" : null,
						OpenType.NOT_OPEN, UpdateCycle.MONTHLY),
				new DataResource.Endpoint("https://mz.example.gov/api/marriages", "POST"),
				List.of(new DataItem("name", "string", "姓名", true), new DataItem("marriedOn", "date", "登记日期", false)),
				Instant.parse("2026-01-01T00:00:00Z"));
	}

	private String system(String scopes) {
		return this.gateway.sign(this.gateway.claims("catalog-service")
			.subject("system-dcat")
			.claim("client_id", "system-dcat")
			.claim("scope", scopes)
			.claim("dept", PROVIDER));
	}

	private MvcTestResult export(String token) {
		return this.mvc.get().uri("/api/catalog/export/dcat").header("Authorization", "Bearer " + token).exchange();
	}

}
