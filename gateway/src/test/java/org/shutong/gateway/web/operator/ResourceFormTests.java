package org.shutong.gateway.web.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceFormTests {

	@Test
	void itemLinesBecomeTheItemsTheCatalogueTakes() {
		ResourceForm form = new ResourceForm(" 户籍 ", "说明", "GA", "3", "CONDITIONAL", "仅限政务服务", "NOT_OPEN", "DAILY",
				"name|string|是|姓名\n\nidNumber|STRING|no\nnote|string|false|a|b\n", "https://ga.example.gov/q", "POST",
				"idNumber|string|yes|身份证号码");
		Map<String, Object> body = form.body();
		assertThat(body).containsEntry("name", "户籍").containsEntry("securityLevel", 3);
		assertThat(body.get("items")).isEqualTo(List.of(item("name", "string", true, "姓名"),
				item("idNumber", "string", false, null), item("note", "string", false, "a|b")));
		assertThat(body.get("endpoint"))
			.isEqualTo(Map.of("url", "https://ga.example.gov/q", "method", "POST", "parameters",
					List.of(Map.of("name", "idNumber", "type", "string", "required", true, "description", "身份证号码"))));
	}

	@Test
	void blankFieldsAreSentAsMissingSoTheCatalogueNamesThem() {
		ResourceForm form = new ResourceForm("", null, "", "x", "CONDITIONAL", " ", "NOT_OPEN", "DAILY", "|string", "",
				"GET", "");
		Map<String, Object> body = form.body();
		assertThat(body.get("name")).isNull();
		assertThat(body.get("securityLevel")).isNull();
		assertThat(body.get("sharingCondition")).isNull();
		assertThat(body.get("items")).isEqualTo(List.of(item(null, "string", false, null)));
	}

	@Test
	void aResourceFillsTheFormToChangeIt() {
		Map<String, Object> resource = Map.of("name", "户籍", "description", "d", "category", "GA", "securityLevel", 2,
				"sharingType", "UNCONDITIONAL", "openType", "OPEN", "updateCycle", "WEEKLY", "items",
				List.of(Map.of("name", "name", "type", "string", "sensitive", true, "description", "姓名")), "endpoint",
				Map.of("url", "https://x.gov/q", "method", "GET", "parameters", List.of()));
		ResourceForm form = ResourceForm.filledWith(resource);
		assertThat(form.securityLevel()).isEqualTo("2");
		assertThat(form.items()).isEqualTo("name|string|true|姓名\n");
		assertThat(form.body().get("items")).isEqualTo(List.of(item("name", "string", true, "姓名")));
	}

	@Test
	void fieldErrorsBelongToTheirFormFieldAndEntry() {
		FormErrors.FieldMessage message = FormErrors.FieldMessage.of("items[2].name", "must not be blank");
		assertThat(message.field()).isEqualTo("items");
		assertThat(message.entry()).isEqualTo(3);
		assertThat(message.part()).isEqualTo("name");
		FormErrors.FieldMessage parameter = FormErrors.FieldMessage.of("endpoint.parameters[0].type", "bad");
		assertThat(parameter.field()).isEqualTo("endpoint.parameters");
		assertThat(parameter.entry()).isEqualTo(1);
		assertThat(FormErrors.FieldMessage.of("endpoint.url", "bad").field()).isEqualTo("endpoint.url");
	}

	private static Map<String, Object> item(String name, String type, boolean sensitive, String description) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", name);
		item.put("type", type);
		item.put("sensitive", sensitive);
		item.put("description", description);
		return item;
	}

}
