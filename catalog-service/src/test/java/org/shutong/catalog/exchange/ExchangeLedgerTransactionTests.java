package org.shutong.catalog.exchange;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditPublisher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

/**
 * A query answers only once its receipt and audit event are stored together: when the
 * audit event cannot be stored, the consumer gets no rows and no receipt is left behind.
 */
class ExchangeLedgerTransactionTests extends ExchangeTest {

	@MockitoSpyBean
	private AuditPublisher publisher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void anAnswerWhoseAuditEventCannotBeStoredIsNotGiven() throws Exception {
		String resource = resource(1, "/unrecorded");
		grant(resource, false, "address");
		providerSystem.stubFor(post("/unrecorded").willReturn(okJson("[{\"address\": \"杭州市西湖区\"}]")));
		doThrow(new IllegalStateException("outbox unavailable")).when(this.publisher)
			.publish(argThat(action(ExchangeLedger.QUERY)));

		MvcTestResult answer = ask(resource, query());

		assertProblem(answer, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");
		assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("杭州市西湖区");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_receipt WHERE resource_code = ?",
				Integer.class, resource))
			.isZero();
		assertThat(queryEvents(resource)).isEmpty();
	}

	private static ArgumentMatcher<AuditEvent> action(String action) {
		return (event) -> event != null && event.action().equals(action);
	}

}
