package org.shutong.platform.problem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "shutong.web.max-request-size=1KB",
		"shutong.security.audience=problem-fixture", "shutong.data-dir=target/test-data" })
class ProblemHandlingTests {

	private static final String VALID = """
			{"holder": "张三", "kind": "PERSON", "years": 5, "items": [{"name": "婚姻登记"}]}""";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Test
	void acceptsAValidRequest() throws Exception {
		HttpResponse<String> response = post("/fixture/permits", BodyPublishers.ofString(VALID));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(response.body()).get("holder").asString()).isEqualTo("张三");
	}

	@Nested
	class BadBodies {

		@Test
		void malformedJsonIsMalformedBody() throws Exception {
			JsonNode problem = problem(post("/fixture/permits", BodyPublishers.ofString("{\"holder\": ")), 400);
			assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:malformed-body");
			assertThat(problem.get("code").asString()).isEqualTo("MALFORMED_BODY");
			assertThat(problem.get("title").asString()).isEqualTo("Malformed request body");
			assertThat(problem.get("detail").asString()).isEqualTo("The request body is not valid JSON.");
			assertThat(problem.get("instance").asString()).isEqualTo("/fixture/permits");
			assertThat(problem.get("requestId").asString()).isNotBlank();
		}

		@Test
		void emptyBodyIsMalformedBody() throws Exception {
			JsonNode problem = problem(post("/fixture/permits", BodyPublishers.noBody()), 400);
			assertThat(problem.get("code").asString()).isEqualTo("MALFORMED_BODY");
		}

		@Test
		void wrongTypeNamesTheField() throws Exception {
			JsonNode problem = problem(
					post("/fixture/permits", BodyPublishers.ofString(VALID.replace("5", "\"five\""))), 400);
			assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:invalid-request");
			assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("years");
			assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be a valid integer");
		}

		@Test
		void unknownEnumValueListsTheAllowedOnes() throws Exception {
			JsonNode problem = problem(
					post("/fixture/permits", BodyPublishers.ofString(VALID.replace("PERSON", "ROBOT"))), 400);
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("kind");
			assertThat(problem.get("errors").get(0).get("message").asString())
				.isEqualTo("must be one of [PERSON, ENTITY]");
		}

		@Test
		void nestedFieldIsNamedByItsPath() throws Exception {
			JsonNode problem = problem(post("/fixture/permits",
					BodyPublishers.ofString(VALID.replace("[{\"name\": \"婚姻登记\"}]", "[{\"name\": []}]"))), 400);
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("items[0].name");
		}

		@Test
		void missingFieldsAreEachNamed() throws Exception {
			JsonNode problem = problem(post("/fixture/permits", BodyPublishers.ofString("{\"kind\": \"PERSON\"}")),
					400);
			assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
			assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("holder", "years");
		}

		@Test
		void oversizeBodyWithContentLengthIs413() throws Exception {
			String large = VALID.replace("张三", "x".repeat(2048));
			JsonNode problem = problem(post("/fixture/permits", BodyPublishers.ofString(large)), 413);
			assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:payload-too-large");
			assertThat(problem.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
			assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 1024 bytes.");
		}

		@Test
		void oversizeStreamedBodyIs413() throws Exception {
			byte[] large = VALID.replace("张三", "x".repeat(4096)).getBytes();
			BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large));
			JsonNode problem = problem(post("/fixture/permits", chunked), 413);
			assertThat(problem.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		}

		@Test
		void oversizeStreamedBodyRelayedOnIs413() throws Exception {
			byte[] large = new byte[4096];
			BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large));
			JsonNode problem = problem(post("/fixture/relay", chunked), 413);
			assertThat(problem.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
			assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 1024 bytes.");
		}

		@Test
		void wrongContentTypeIs415() throws Exception {
			HttpRequest request = HttpRequest.newBuilder(uri("/fixture/permits"))
				.header("Content-Type", "text/plain")
				.POST(BodyPublishers.ofString(VALID))
				.build();
			JsonNode problem = problem(send(request), 415);
			assertThat(problem.get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		}

	}

	@Nested
	class BadRequests {

		@Test
		void wrongPathVariableTypeNamesTheParameter() throws Exception {
			JsonNode problem = problem(get("/fixture/permits/abc"), 400);
			assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("id");
		}

		@Test
		void unknownPathIs404() throws Exception {
			JsonNode problem = problem(get("/fixture/nothing-here"), 404);
			assertThat(problem.get("type").asString()).isEqualTo("urn:shutong:problem:not-found");
		}

		@Test
		void wrongMethodIs405() throws Exception {
			JsonNode problem = problem(send(HttpRequest.newBuilder(uri("/fixture/conflict")).DELETE().build()), 405);
			assertThat(problem.get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
		}

	}

	@Nested
	class Failures {

		@Test
		void serviceProblemKeepsItsCodeAndDetail() throws Exception {
			JsonNode problem = problem(get("/fixture/conflict"), 409);
			assertThat(problem.get("code").asString()).isEqualTo("CONFLICT");
			assertThat(problem.get("detail").asString()).isEqualTo("The permit was already revoked.");
		}

		@Test
		void conflictingWriteIsA409RevealingNoSql() throws Exception {
			HttpResponse<String> response = get("/fixture/duplicate");
			JsonNode problem = problem(response, 409);
			assertThat(problem.get("code").asString()).isEqualTo("CONFLICT");
			assertThat(problem.get("requestId").asString()).isNotBlank();
			assertThat(response.body()).doesNotContain("secret_table", "Duplicate entry");
		}

		@Test
		void unexpectedErrorRevealsNothingInternal() throws Exception {
			HttpResponse<String> response = get("/fixture/failure");
			JsonNode problem = problem(response, 500);
			assertThat(problem.get("code").asString()).isEqualTo("INTERNAL_ERROR");
			assertThat(response.body()).doesNotContain("secret_table", "IllegalStateException", "at org.");
		}

	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	class RequestIds {

		@Test
		void wellFormedRequestIdIsKept() throws Exception {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(uri("/fixture/conflict")).header("X-Request-Id", "req-12345678").build());
			assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-12345678");
			assertThat(problem(response, 409).get("requestId").asString()).isEqualTo("req-12345678");
		}

		@Test
		void traceContextFromTheCallerReachesTheLogs() throws Exception {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/fixture/trace"))
				.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
				.header("X-Request-Id", "req-87654321")
				.build());
			assertThat(response.body()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736 req-87654321");
		}

		@Test
		void malformedRequestIdIsReplaced() throws Exception {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/fixture/conflict"))
				.header("X-Request-Id", "<script>alert(1)</script>")
				.build());
			assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
		}

		@Test
		void generatedRequestIdIsWhatTheRequestSaysDownstream() throws Exception {
			HttpResponse<String> response = get("/fixture/request-id-header");
			assertThat(response.body()).matches("[0-9a-f-]{36}")
				.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		}

		@Test
		void replacedRequestIdIsWhatTheRequestSaysDownstream() throws Exception {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(uri("/fixture/request-id-header")).header("x-request-id", "bad id").build());
			assertThat(response.body()).matches("[0-9a-f-]{36}")
				.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		}

		@Test
		void eachRequestIsLoggedUnderItsTraceAndRequestIds(CapturedOutput output) throws Exception {
			send(HttpRequest.newBuilder(uri("/fixture/conflict?holder=330106199203150027"))
				.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
				.header("X-Request-Id", "req-logged-0001")
				.build());
			// The line is written once the response has gone.
			await().untilAsserted(
					() -> assertThat(output.getOut().lines().filter((line) -> line.contains("req-logged-0001")))
						.anySatisfy((line) -> assertThat(line).contains("[0af7651916cd43dd8448eb211c80319c,")
							.contains("GET /fixture/conflict 409 ")
							.doesNotContain("330106199203150027")));
		}

		@Test
		void aBodyRefusedForItsSizeIsLoggedToo(CapturedOutput output) throws Exception {
			send(HttpRequest.newBuilder(uri("/fixture/permits"))
				.header("Content-Type", "application/json")
				.header("X-Request-Id", "req-too-large-0001")
				.POST(BodyPublishers.ofString("x".repeat(2048)))
				.build());
			await().untilAsserted(
					() -> assertThat(output.getOut().lines().filter((line) -> line.contains("req-too-large-0001")))
						.anySatisfy((line) -> assertThat(line).contains("POST /fixture/permits 413 ")));
		}

		@Test
		void healthProbesAreNotLogged(CapturedOutput output) throws Exception {
			send(HttpRequest.newBuilder(uri("/actuator/health")).header("X-Request-Id", "req-probe-0001").build());
			// A request sent after the probe is logged, so the probe would have been by
			// then.
			send(HttpRequest.newBuilder(uri("/fixture/conflict")).header("X-Request-Id", "req-after-probe-1").build());
			await().untilAsserted(() -> assertThat(output.getOut()).contains("req-after-probe-1"));
			assertThat(output.getOut()).doesNotContain("req-probe-0001");
		}

	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body).build());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
