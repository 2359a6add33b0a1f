package org.shutong.catalog.resource.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shutong.catalog.resource.Departments;
import org.shutong.platform.testing.GatewayStandIn;
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
import static org.shutong.catalog.resource.web.ResourceFixtures.body;
import static org.shutong.catalog.resource.web.ResourceFixtures.item;
import static org.shutong.catalog.resource.web.ResourceFixtures.writer;
import static org.shutong.catalog.resource.web.ResourcePublishingTests.assertProblem;

/**
 * Full-text {@code q} on the catalogue: Chinese and English words of names, descriptions
 * and item names, ranked, with the filters, current versions only. Each test reads its
 * own department's resources ({@code provider}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ResourceSearchTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper json;

	private String department;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

	@BeforeEach
	void department() {
		this.department = Departments.fresh();
	}

	@Test
	void findsChineseWordsOfNamesDescriptionsAndItemNames() {
		String marriage = publish("MZ", "婚姻登记信息 Marriage registration", "民政部门办理的结婚、离婚记录", "男方姓名");
		String licence = publish("SC", "企业营业执照信息", "市场主体登记 Business licences", "统一社会信用代码");
		String household = publish("GA", "户籍人口信息", "常住人口", "公民身份号码");

		assertThat(codes(search("q=婚姻"))).containsExactly(marriage);
		assertThat(codes(search("q=营业执照"))).containsExactly(licence);
		assertThat(codes(search("q=信用代码"))).containsExactly(licence);
		assertThat(codes(search("q=身份号码"))).containsExactly(household);
		assertThat(codes(search("q=离婚"))).containsExactly(marriage);
		assertThat(codes(search("q=婚姻 营业执照"))).isEmpty();
		assertThat(codes(search("q=信息"))).containsExactlyInAnyOrder(marriage, licence, household);
		assertThat(codes(search("q=出生医学证明"))).isEmpty();
	}

	@Test
	void findsEnglishWordsWhateverTheirCaseAndEnding() {
		String marriage = publish("MZ", "婚姻登记信息 Marriage registration", "结婚记录", "spouseName");
		String licence = publish("SC", "企业营业执照信息", "Business licences of companies", "creditCode");

		assertThat(codes(search("q=marriage"))).containsExactly(marriage);
		assertThat(codes(search("q=REGISTRATIONS"))).containsExactly(marriage);
		assertThat(codes(search("q=licence"))).containsExactly(licence);
		assertThat(codes(search("q=Business婚姻"))).isEmpty();
		assertThat(codes(search("q=creditcode"))).containsExactly(licence);
	}

	@Test
	void ranksNameAboveDescriptionAboveItemNames() {
		String[] words = { "人口", "车辆", "社保", "学籍", "医保", "纳税", "地块", "河道", "公路", "统计" };
		List<String> inNames = new ArrayList<>();
		List<String> inDescriptions = new ArrayList<>();
		List<String> inItems = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String word = words[i % words.length];
			String name = word + "信息 " + i;
			String description = word + "数据说明，第 " + i + " 号";
			String itemName = word + "编号";
			switch (i % 50) {
				case 7 -> name = "不动产" + name;
				case 21 -> description = "含不动产的" + description;
				case 42 -> itemName = "不动产单元号";
				default -> {
				}
			}
			String code = publish("ZR", name, description, itemName);
			switch (i % 50) {
				case 7 -> inNames.add(code);
				case 21 -> inDescriptions.add(code);
				case 42 -> inItems.add(code);
				default -> {
				}
			}
		}
		MvcTestResult result = search("q=不动产&size=100");
		List<String> found = codes(result);
		assertThat(found).hasSize(18);
		assertThat(found.subList(0, 6)).containsExactlyInAnyOrderElementsOf(inNames);
		assertThat(found.subList(6, 12)).containsExactlyInAnyOrderElementsOf(inDescriptions);
		assertThat(found.subList(12, 18)).containsExactlyInAnyOrderElementsOf(inItems);
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(18);
		assertThat(codes(search("q=不动产&size=5&page=1"))).containsExactlyElementsOf(found.subList(5, 10));
		assertThat(codes(search("q=河道&size=100"))).hasSize(30);
	}

	@Test
	void combinesTheFiltersWithQ() {
		String mz = publish("MZ", "婚姻登记信息", "结婚登记", "男方姓名");
		String sc = publish("SC", "企业登记信息", "市场主体登记", "企业名称");
		Map<String, Object> level1 = resource("GA", "户口登记信息", "户籍登记", "姓名");
		level1.put("securityLevel", 1);
		level1.put("sharingType", "UNCONDITIONAL");
		level1.remove("sharingCondition");
		String ga = created(send(this.mvc.post().uri("/api/catalog/resources"), level1));

		assertThat(codes(search("q=登记"))).containsExactlyInAnyOrder(mz, sc, ga);
		assertThat(codes(search("q=登记&category=MZ"))).containsExactly(mz);
		assertThat(codes(search("q=登记&securityLevel=1"))).containsExactly(ga);
		assertThat(codes(search("q=登记&sharingType=CONDITIONAL"))).containsExactlyInAnyOrder(mz, sc);
		assertThat(codes(search("q=登记&category=MZ&securityLevel=1"))).isEmpty();
		assertThat(codes(search("q=登记&status=RETIRED"))).isEmpty();
		String other = Departments.fresh();
		assertThat(codes(list("provider=" + other + "&q=登记"))).isEmpty();
	}

	@Test
	void findsOnlyTheCurrentVersionAndRetiredOnesWhenAsked() {
		String code = publish("MZ", "婚姻登记信息", "结婚登记", "男方姓名");
		Map<String, Object> adoption = resource("MZ", "收养登记信息", "收养关系登记", "收养人姓名");
		assertThat(send(this.mvc.put().uri("/api/catalog/resources/" + code), adoption)).hasStatusOk();

		assertThat(codes(search("q=婚姻"))).isEmpty();
		assertThat(codes(search("q=男方"))).isEmpty();
		MvcTestResult updated = search("q=收养");
		assertThat(codes(updated)).containsExactly(code);
		assertThat(updated).bodyJson().extractingPath("$.items[0].version").isEqualTo(2);
		assertThat(updated).bodyJson().extractingPath("$.items[0].name").isEqualTo("收养登记信息");

		assertThat(send(this.mvc.post().uri("/api/catalog/resources/" + code + "/retire"), Map.of())).hasStatusOk();
		assertThat(codes(search("q=收养"))).isEmpty();
		MvcTestResult retired = search("q=收养&status=RETIRED");
		assertThat(codes(retired)).containsExactly(code);
		assertThat(retired).bodyJson().extractingPath("$.items[0].version").isEqualTo(3);
		assertThat(codes(search("q=婚姻&status=RETIRED"))).isEmpty();
	}

	@Test
	void refusesAQueryOverTwoHundredCharacters() {
		publish("MZ", "婚姻登记信息", "结婚登记", "男方姓名");
		MvcTestResult tooLong = search("q=" + "婚".repeat(201));
		assertProblem(tooLong, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(tooLong).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("q");
		assertThat(search("q=" + "婚".repeat(200))).hasStatusOk();
	}

	@Test
	void takesOperatorsAndPunctuationAsText() {
		String code = publish("MZ", "婚姻登记信息", "结婚登记", "男方姓名");
		assertThat(codes(search("q=\"婚姻"))).containsExactly(code);
		assertThat(codes(search("q=婚姻*(~"))).containsExactly(code);
		assertThat(search("q=*(")).hasStatusOk();
		assertThat(codes(search("q=*("))).isEmpty();
		assertThat(codes(search("q=   "))).containsExactly(code);
	}

	private MvcTestResult search(String query) {
		return list("provider=" + this.department + "&" + query);
	}

	private MvcTestResult list(String query) {
		return this.mvc.get()
			.uri("/api/catalog/resources?" + query)
			.header("Authorization",
					"Bearer " + GatewayStandIn.shared().withRole(ResourceFixtures.AUDIENCE, "DEPT_OPERATOR"))
			.exchange();
	}

	private List<String> codes(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		Map<?, ?> page = this.json.readValue(result.getResponse().getContentAsByteArray(), Map.class);
		return ((List<?>) page.get("items")).stream().map((item) -> (String) ((Map<?, ?>) item).get("code")).toList();
	}

	private String publish(String category, String name, String description, String itemName) {
		return created(
				send(this.mvc.post().uri("/api/catalog/resources"), resource(category, name, description, itemName)));
	}

	private static Map<String, Object> resource(String category, String name, String description, String itemName) {
		Map<String, Object> body = body(category, name);
		body.put("description", description);
		body.put("items", new ArrayList<>(List.of(item(itemName, "string", false))));
		return body;
	}

	private String created(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return (String) this.json.readValue(result.getResponse().getContentAsByteArray(), Map.class).get("code");
	}

	private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, Object body) {
		return request.header("Authorization", "Bearer " + writer(this.department))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

}
