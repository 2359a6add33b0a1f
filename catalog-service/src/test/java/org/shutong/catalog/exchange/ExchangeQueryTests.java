package org.shutong.catalog.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.shutong.catalog.sharing.Grant;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries that the provider answers: the consumer gets only the granted items, masked by
 * level unless the grant allows raw values, with a receipt; the provider gets a request
 * signed by the platform; the receipt and the audit event record the same query.
 */
class ExchangeQueryTests extends ExchangeTest {

	private static final String ROWS = """
			[{"name": "张三丰", "idNumber": "11010519491231002X", "phone": "13812345678",
			  "maritalStatus": "已婚", "address": "杭州市西湖区文三路 1 号", "internalNote": "内部备注"}]""";

	@Autowired
	private HolderReferences holders;

	@Test
	void answersWithTheGrantedItemsMaskedByLevelAndAReceipt() {
		String resource = resource(3, "/households/a");
		Grant grant = grant(resource, false, "name", "idNumber", "maritalStatus");
		providerSystem.stubFor(post("/households/a").willReturn(okJson(ROWS)));

		MvcTestResult answer = ask(resource, query());

		assertThat(answer).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"resourceCode": "%s",
					 "data": [{"name": "张**", "idNumber": "1****************X", "maritalStatus": "已婚"}]}"""
				.formatted(resource));
		assertThat(answer).bodyJson()
			.extractingPath("$.data[0]")
			.asMap()
			.containsOnlyKeys("name", "idNumber", "maritalStatus");
		String receiptId = read(answer, "$.receiptId");

		AuditEvent event = onlyQueryEvent(resource);
		assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(event.actor()).isEqualTo(new AuditEvent.Actor(CONSUMER, "system-" + CONSUMER, null));
		assertThat(event.subject()).isEqualTo(new AuditEvent.Subject(AuditEvent.SubjectKind.PERSON,
				this.holders.of(new ResidentIdNumber(ID_NUMBER))));
		assertThat(event.serviceItemCode()).isEqualTo(SERVICE_ITEM);
		assertThat(event.purpose()).isEqualTo(PURPOSE);
		assertThat(event.details()).containsEntry("receiptId", receiptId)
			.containsEntry("resourceVersion", 1)
			.containsEntry("grantId", grant.id())
			.containsEntry("provider", PROVIDER)
			.containsEntry("rowCount", 1)
			.containsEntry("items", List.of("name", "idNumber", "maritalStatus"))
			.containsKey("durationMs")
			.doesNotContainKey("problem");
		assertThat(event.toString()).doesNotContain(ID_NUMBER).doesNotContain("张三丰");

		MvcTestResult receipt = fetch("/api/exchange/receipts/" + receiptId, consumerToken());
		assertThat(receipt).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"receiptId": "%s", "resourceCode": "%s", "resourceVersion": 1, "grantId": "%s", "provider": "%s",
							 "consumer": "%s", "clientId": "system-%s", "serviceItemCode": "%s", "purpose": "%s",
							 "outcome": "SUCCESS", "problem": null, "rowCount": 1, "items": ["name", "idNumber", "maritalStatus"],
							 "itemCount": 3}"""
						.formatted(receiptId, resource, grant.id(), PROVIDER, CONSUMER, CONSUMER, SERVICE_ITEM,
								PURPOSE));
		assertThat(receipt.getResponse().getContentAsByteArray()).asString(StandardCharsets.UTF_8)
			.doesNotContain("张三丰");
	}

	@Test
	void masksEachLevelAsTheRuleSaysAndNotAtAllWhenTheGrantAllowsRawValues() {
		Map<Integer, String> expected = Map.of(1,
				"{\"name\": \"张三丰\", \"idNumber\": \"11010519491231002X\", \"phone\": \"13812345678\"}", 2,
				"{\"name\": \"张**\", \"idNumber\": \"110105********002X\", \"phone\": \"138****5678\"}", 3,
				"{\"name\": \"张**\", \"idNumber\": \"1****************X\", \"phone\": \"*******5678\"}", 4,
				"{\"name\": \"******\", \"idNumber\": \"******\", \"phone\": \"******\"}");
		expected.forEach((level, data) -> {
			String resource = resource(level, "/levels/" + level);
			grant(resource, false, "name", "idNumber", "phone");
			providerSystem.stubFor(post("/levels/" + level).willReturn(okJson(ROWS)));
			assertThat(ask(resource, query())).hasStatusOk()
				.bodyJson()
				.extractingPath("$.data[0]")
				.isEqualTo(this.json.readValue(data, Map.class));
		});

		String raw = resource(4, "/levels/raw");
		grant(raw, true, "name", "idNumber", "phone");
		providerSystem.stubFor(post("/levels/raw").willReturn(okJson(ROWS)));
		assertThat(ask(raw, query())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data[0]")
			.isEqualTo(Map.of("name", "张三丰", "idNumber", ID_NUMBER, "phone", "13812345678"));
	}

	@Test
	void acceptsAnObjectWithADataArrayAndDropsItemsNoLongerDeclared() {
		String resource = resource(1, "/wrapped");
		grant(resource, false, "address", "maritalStatus");
		providerSystem.stubFor(post("/wrapped").willReturn(okJson("""
				{"total": 2, "data": [{"address": "甲", "maritalStatus": "未婚", "photo": "…"},
				                      {"address": "乙", "extra": 1}]}""")));

		MvcTestResult answer = ask(resource, query());

		assertThat(answer).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data")
			.isEqualTo(List.of(Map.of("address", "甲", "maritalStatus", "未婚"), Map.of("address", "乙")));
		assertThat(onlyQueryEvent(resource).details()).containsEntry("rowCount", 2);
	}

	@Test
	void signsEachProviderRequestForTheProviderToCheck() throws Exception {
		String resource = resource(2, "/signed");
		Grant grant = grant(resource, false, "maritalStatus");
		providerSystem.stubFor(post("/signed").willReturn(okJson("[]")));

		MvcTestResult answer = ask(resource, query(Map.of("idNumber", ID_NUMBER, "asOf", "2026-11-01")));
		assertThat(answer).hasStatusOk().bodyJson().extractingPath("$.data").isEqualTo(List.of());
		String receiptId = read(answer, "$.receiptId");

		providerSystem.verify(postRequestedFor(urlEqualTo("/signed"))
			.withRequestBody(equalToJson("{\"idNumber\": \"" + ID_NUMBER + "\", \"asOf\": \"2026-11-01\"}"))
			.withHeader("X-Shutong-Receipt", equalTo(receiptId)));
		LoggedRequest request = providerSystem.findAll(postRequestedFor(urlEqualTo("/signed"))).get(0);
		SignedJWT token = SignedJWT.parse(request.getHeader("Authorization").substring("Bearer ".length()));

		JWKSet keys = JWKSet.parse(fetch("/api/exchange/keys", consumerToken()).getResponse().getContentAsString());
		ECKey key = (ECKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
		assertThat(key.isPrivate()).isFalse();
		assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
		assertThat(token.getHeader().getType().getType()).isEqualTo("shutong-exchange+jwt");
		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("shutong-exchange");
		assertThat(claims.getAudience()).containsExactly(PROVIDER);
		assertThat(claims.getSubject()).isEqualTo(CONSUMER);
		assertThat(claims.getJWTID()).isEqualTo(receiptId);
		assertThat(claims.getStringClaim("purpose")).isEqualTo(PURPOSE);
		assertThat(claims.getStringClaim("service_item")).isEqualTo(SERVICE_ITEM);
		assertThat(claims.getStringClaim("resource")).isEqualTo(resource);
		assertThat(claims.getStringClaim("grant")).isEqualTo(grant.id());
		assertThat(claims.getStringClaim("client_id")).isEqualTo("system-" + CONSUMER);
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
		byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(request.getBody());
		assertThat(claims.getStringClaim("req_sha256"))
			.isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bodyHash));
	}

	@Test
	void sendsTheParametersOfAGetEndpointAsItsQueryString() throws Exception {
		String resource = resource(1, "/by-get?source=ga", "GET");
		grant(resource, false, "address");
		providerSystem.stubFor(get(urlPathEqualTo("/by-get")).willReturn(okJson("[{\"address\": \"甲\"}]")));

		assertThat(ask(resource, query(Map.of("idNumber", ID_NUMBER, "asOf", "2026-11-01")))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data[0].address")
			.isEqualTo("甲");

		LoggedRequest request = providerSystem.findAll(getRequestedFor(urlPathEqualTo("/by-get"))).get(0);
		assertThat(request.queryParameter("source").firstValue()).isEqualTo("ga");
		assertThat(request.queryParameter("idNumber").firstValue()).isEqualTo(ID_NUMBER);
		assertThat(request.queryParameter("asOf").firstValue()).isEqualTo("2026-11-01");
		SignedJWT token = SignedJWT.parse(request.getHeader("Authorization").substring("Bearer ".length()));
		byte[] queryHash = MessageDigest.getInstance("SHA-256")
			.digest(("idNumber=" + ID_NUMBER + "&asOf=2026-11-01").getBytes(StandardCharsets.UTF_8));
		assertThat(token.getJWTClaimsSet().getStringClaim("req_sha256"))
			.isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(queryHash));
	}

	@Test
	void showsAReceiptOnlyToItsConsumer() {
		String resource = resource(1, "/receipts");
		grant(resource, false, "address");
		providerSystem.stubFor(post("/receipts").willReturn(okJson("[]")));
		String receiptId = read(ask(resource, query()), "$.receiptId");

		assertProblem(fetch("/api/exchange/receipts/" + receiptId, token(PROVIDER, "exchange.query")),
				HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertProblem(fetch("/api/exchange/receipts/" + receiptId, token(CONSUMER, "catalog.read")),
				HttpStatus.FORBIDDEN, "FORBIDDEN");
		assertProblem(fetch("/api/exchange/receipts/no-such-receipt", consumerToken()), HttpStatus.NOT_FOUND,
				"NOT_FOUND");
		assertThat(this.mvc.get().uri("/api/exchange/receipts/" + receiptId).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void publishesTheBrokersKeysWithoutAToken() {
		assertThat(this.mvc.get().uri("/api/exchange/keys").exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.keys[0]")
			.asMap()
			.containsEntry("kty", "EC")
			.containsEntry("crv", "P-256")
			.containsEntry("alg", "ES256")
			.doesNotContainKey("d");
	}

}
