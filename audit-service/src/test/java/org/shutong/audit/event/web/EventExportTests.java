package org.shutong.audit.event.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shutong.audit.AuditApiTestBase;
import org.shutong.audit.AuditEvents;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export, {@code GET /api/audit/events.csv}: what Excel needs (a UTF-8 byte order
 * mark), RFC 4180 quoting, defused formulas, and thousands of rows streamed in chunks.
 */
class EventExportTests extends AuditApiTestBase {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@Value("${local.server.port}")
	private int port;

	@Test
	void exportsTheMatchingEventsAsAnExcelReadyDownload() {
		String resource = unique("R-");
		AuditEvent plain = AuditEvents.event().resource(resource).build();
		AuditEvent quoted = AuditEvents.event()
			.resource(resource)
			.purpose("他说\"你好\", 再见\r\n下一行")
			.details(Map.of("rows", 2, "note", "a,b"))
			.build();
		append(List.of(plain, quoted));

		MvcTestResult result = get("/api/audit/events.csv?resource=" + resource, auditor());

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
		assertThat(result).headers().hasValue(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8");
		ContentDisposition disposition = ContentDisposition
			.parse(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION));
		assertThat(disposition.isAttachment()).isTrue();
		assertThat(disposition.getFilename()).isEqualTo("audit-events.csv");
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).isEqualTo(BOM);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith(String.join(",", EventCsv.HEADER) + "\r\n");
		assertThat(text).contains("\"他说\"\"你好\"\", 再见\r\n下一行\"");

		List<List<String>> records = Csv.parse(text);
		assertThat(records).hasSize(3);
		assertThat(records.get(0)).isEqualTo(EventCsv.HEADER);
		Map<String, String> newest = row(records.get(1));
		assertThat(newest).containsEntry("eventId", quoted.eventId().toString())
			.containsEntry("occurredAt", quoted.occurredAt().truncatedTo(ChronoUnit.MICROS).toString())
			.containsEntry("service", "catalog-service")
			.containsEntry("action", "exchange.query")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("actorDepartment", AuditEvents.CIVIL_AFFAIRS)
			.containsEntry("actorClient", "civil-affairs-system")
			.containsEntry("actorUser", "")
			.containsEntry("subjectKind", "PERSON")
			.containsEntry("subjectReference", AuditEvents.CITIZEN)
			.containsEntry("resource", resource)
			.containsEntry("serviceItemCode", "S-0001")
			.containsEntry("purpose", "他说\"你好\", 再见\r\n下一行")
			.containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(newest.get("details")).isIn("{\"rows\":2,\"note\":\"a,b\"}", "{\"note\":\"a,b\",\"rows\":2}");
		assertThat(Long.parseLong(newest.get("leafIndex")))
			.isEqualTo(Long.parseLong(row(records.get(2)).get("leafIndex")) + 1);
		assertThat(row(records.get(2))).containsEntry("eventId", plain.eventId().toString())
			.containsEntry("purpose", "婚姻登记");
	}

	@Test
	void defusesCellsASpreadsheetWouldRunAsFormulas() {
		String resource = unique("R-");
		AuditEvent event = AuditEvents.event()
			.resource(resource)
			.purpose("=HYPERLINK(\"http://example.com\",\"点击\")")
			.serviceItem("+1+1")
			.actor("-11330100002482500", "@SUM(A1)", "\tcmd")
			.build();
		append(event);

		List<List<String>> records = export("/api/audit/events.csv?resource=" + resource);

		assertThat(records).hasSize(2);
		assertThat(row(records.get(1))).containsEntry("purpose", "'=HYPERLINK(\"http://example.com\",\"点击\")")
			.containsEntry("serviceItemCode", "'+1+1")
			.containsEntry("actorDepartment", "'-11330100002482500")
			.containsEntry("actorClient", "'@SUM(A1)")
			.containsEntry("actorUser", "'\tcmd")
			.containsEntry("resource", resource);
	}

	@Test
	void writesOnlyTheHeaderWhenNothingMatches() {
		assertThat(export("/api/audit/events.csv?resource=" + unique("R-"))).containsExactly(EventCsv.HEADER);
	}

	@Test
	void streamsThousandsOfRowsInChunksNewestFirst() throws Exception {
		String resource = unique("R-");
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			events.add(AuditEvents.event().resource(resource).build());
		}
		List<Long> indexes = new ArrayList<>();
		for (int from = 0; from < events.size(); from += 500) {
			indexes.addAll(append(events.subList(from, from + 500)));
		}
		List<Long> newestFirst = indexes.stream().sorted(Comparator.reverseOrder()).toList();

		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/audit/events.csv?resource=" + resource))
				.header("Authorization", "Bearer " + auditor())
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		// Sent as it is written, not buffered whole: no length known in advance.
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
		byte[] body = response.body();
		assertThat(Arrays.copyOf(body, 3)).isEqualTo(BOM);
		List<List<String>> records = Csv.parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
		assertThat(records.subList(1, records.size()).stream().map((record) -> Long.parseLong(record.get(0))))
			.containsExactlyElementsOf(newestFirst);

		List<List<String>> capped = export("/api/audit/events.csv?resource=" + resource + "&max=1001");
		assertThat(capped.subList(1, capped.size()).stream().map((record) -> Long.parseLong(record.get(0))))
			.containsExactlyElementsOf(newestFirst.subList(0, 1001));
		List<List<String>> below = export(
				"/api/audit/events.csv?resource=" + resource + "&max=2000&before=" + newestFirst.get(1000));
		assertThat(below.subList(1, below.size()).stream().map((record) -> Long.parseLong(record.get(0))))
			.containsExactlyElementsOf(newestFirst.subList(1001, 2500));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.shutong.audit.event.web.EventSearchTests#badFilters")
	void refusesABadFilterNamingIt(String query, String field) {
		MvcTestResult result = get("/api/audit/events.csv?" + query, auditor());
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

	@Test
	void refusesABadRowCapOrAPageSize() {
		for (String query : List.of("max=0", "max=all", "limit=10")) {
			MvcTestResult result = get("/api/audit/events.csv?" + query, auditor());
			assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
			assertThat(result).bodyJson()
				.extractingPath("$.errors[0].field")
				.isEqualTo(query.substring(0, query.indexOf('=')));
		}
	}

	@Test
	void answersABadFilterWithAProblemEvenToACallerAskingForCsv() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/audit/events.csv?outcome=MAYBE")
			.header("Authorization", "Bearer " + auditor())
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
	}

	private List<List<String>> export(String uri) {
		MvcTestResult result = get(uri, auditor());
		assertThat(result).hasStatusOk();
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).isEqualTo(BOM);
		return Csv.parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
	}

	private static Map<String, String> row(List<String> record) {
		assertThat(record).hasSameSizeAs(EventCsv.HEADER);
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < record.size(); i++) {
			row.put(EventCsv.HEADER.get(i), record.get(i));
		}
		return row;
	}

}
