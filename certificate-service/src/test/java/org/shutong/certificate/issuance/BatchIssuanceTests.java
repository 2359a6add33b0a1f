package org.shutong.certificate.issuance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.identifier.CertificateId;
import org.shutong.certificate.type.CertificateType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class BatchIssuanceTests extends CertificateTest {

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	@Autowired
	private CertificateStore store;

	@Test
	void issuesTheGoodItemsOfAnArrayAndReportsTheBadOnesByIndex() {
		CertificateType type = personType(department(), null);
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			items.add(request(type, idNumber()));
		}
		items.set(3, request(type, "330106199005150012"));
		items.set(17, Map.of("typeCode", type.code()));
		items.set(25, "not an object");

		MvcTestResult result = batch(type.issuerDepartmentCode(), MediaType.APPLICATION_JSON,
				this.json.writeValueAsString(items));

		assertThat(result).hasStatusOk();
		assertThat((Integer) read(result, "$.issued")).as(body(result)).isEqualTo(37);
		assertThat((Integer) read(result, "$.refused")).isEqualTo(3);
		List<Integer> indexes = read(result, "$.items[*].index");
		assertThat(indexes).hasSize(40).isSorted();
		assertThat((List<Integer>) read(result, "$.items[?(@.problem)].index")).containsExactly(3, 17, 25);
		assertThat((List<String>) read(result, "$.items[3].problem.errors[*].field"))
			.containsExactly("holder.idNumber");
		assertThat((String) read(result, "$.items[17].problem.code")).isEqualTo("INVALID_REQUEST");
		List<String> ids = read(result, "$.items[?(@.id)].id");
		assertThat(ids).hasSize(37)
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(CertificateId.parse(id)).isPresent());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE type_code = ?", Integer.class,
				type.code()))
			.isEqualTo(37);
		assertThat(auditEvents(ids.get(0))).extracting("action").containsExactly("certificate.issue");
		// Signed on several threads: each signature is the one of its own certificate.
		for (String id : List.of(ids.get(0), ids.get(18), ids.get(36))) {
			StoredCertificate stored = this.store.find(id).orElseThrow();
			String json = CertificateDocuments.view(stored, stored.status()).toString();
			assertThat((String) read(post("/api/verify", null, json), "$.status")).isEqualTo("VALID");
		}
	}

	@Test
	void aBatchOfSeveralChunksIssuesEachGoodItemOnceWithItsOwnSignature() {
		CertificateType type = personType(department(), null);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 1_203; i++) {
			Object item = (i == 2 || i == 700 || i == 1_202) ? Map.of("typeCode", type.code())
					: request(type, idNumber());
			body.append(this.json.writeValueAsString(item)).append('\n');
		}

		MvcTestResult result = batch(type.issuerDepartmentCode(), NDJSON, body.toString());

		assertThat((Integer) read(result, "$.issued")).as(body(result)).isEqualTo(1_200);
		assertThat((List<Integer>) read(result, "$.items[?(@.problem)].index")).containsExactly(2, 700, 1_202);
		List<String> ids = read(result, "$.items[?(@.id)].id");
		assertThat(ids).hasSize(1_200).doesNotHaveDuplicates();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE type_code = ?", Integer.class,
				type.code()))
			.isEqualTo(1_200);
		// The first and last certificate of each chunk, signed while another chunk was
		// stored.
		for (int index : List.of(0, 498, 499, 998, 999, 1_199)) {
			StoredCertificate stored = this.store.find(ids.get(index)).orElseThrow();
			String json = CertificateDocuments.view(stored, stored.status()).toString();
			assertThat((String) read(post("/api/verify", null, json), "$.status")).isEqualTo("VALID");
			assertThat(auditEvents(ids.get(index))).extracting("action").containsExactly("certificate.issue");
		}
	}

	@Test
	void readsNdjsonLineByLineAndReportsAnUnreadableLine() {
		CertificateType type = personType(department(), null);
		String body = List
			.of(this.json.writeValueAsString(request(type, idNumber())), "{not json",
					this.json.writeValueAsString(request(type, idNumber())))
			.stream()
			.collect(Collectors.joining("\n"));

		MvcTestResult result = batch(type.issuerDepartmentCode(), NDJSON, body);

		assertThat(result).hasStatusOk();
		assertThat((List<Integer>) read(result, "$.items[?(@.id)].index")).containsExactly(0, 2);
		assertThat((String) read(result, "$.items[1].problem.code")).isEqualTo("MALFORMED_BODY");
	}

	@Test
	void reportsAnotherIssuersItemWithoutFailingTheRest() {
		CertificateType mine = personType(department(), null);
		CertificateType theirs = personType(department(), null);
		String body = this.json.writeValueAsString(List.of(request(mine, idNumber()), request(theirs, idNumber())));

		MvcTestResult result = batch(mine.issuerDepartmentCode(), MediaType.APPLICATION_JSON, body);

		assertThat((String) read(result, "$.items[0].id")).contains(mine.code());
		assertThat((String) read(result, "$.items[1].problem.code")).isEqualTo("NOT_ISSUER");
	}

	@Test
	void refusesMoreThanTenThousandItemsAndIssuesNone() {
		CertificateType type = personType(department(), null);
		String line = this.json.writeValueAsString(Map.of("typeCode", type.code()));
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			body.append(line).append('\n');
		}
		body.append(this.json.writeValueAsString(request(type, idNumber()))).append('\n');

		MvcTestResult result = batch(type.issuerDepartmentCode(), NDJSON, body.toString());

		assertProblem(result, HttpStatus.PAYLOAD_TOO_LARGE, "TOO_MANY_ITEMS");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE type_code = ?", Integer.class,
				type.code()))
			.isZero();
	}

	@Test
	void refusesABodyThatIsNeitherAnArrayNorNdjson() {
		CertificateType type = personType(department(), null);
		assertProblem(batch(type.issuerDepartmentCode(), MediaType.APPLICATION_JSON, "{}"), HttpStatus.BAD_REQUEST,
				"MALFORMED_BODY");
	}

	@Test
	void refusesASystemWithoutTheIssueScope() {
		CertificateType type = personType(department(), null);
		MvcTestResult result = this.mvc.post()
			.uri("/api/certificates/batch")
			.header("Authorization", "Bearer " + system(type.issuerDepartmentCode(), "certificate.read"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[]")
			.exchange();
		assertProblem(result, HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	private MvcTestResult batch(String department, MediaType contentType, String body) {
		return this.mvc.post()
			.uri("/api/certificates/batch")
			.header("Authorization", "Bearer " + issuerSystem(department))
			.contentType(contentType)
			.content(body)
			.exchange();
	}

}
