package org.shutong.catalog.sharing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.shutong.catalog.resource.SharingType;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditPublisher;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

/**
 * An audit event is stored in the transaction of its change: when it cannot be stored,
 * the change is not made either.
 */
class SharingAuditTransactionTests extends SharingTest {

	@MockitoSpyBean
	private AuditPublisher publisher;

	@Test
	void anApprovalWhoseAuditEventCannotBeStoredIsNotMade() {
		String resource = resource(SharingType.CONDITIONAL, "name");
		String id = fileApplication(resource, List.of("name"));
		doThrow(new IllegalStateException("outbox unavailable")).when(this.publisher)
			.publish(argThat(action("sharing.application.approve")));

		assertProblem(post("/api/catalog/applications/" + id + "/approve", provider(), Map.of()),
				HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");

		assertThat(get("/api/catalog/applications/" + id, consumer())).bodyJson().isLenientlyEqualTo("""
				{"status": "PENDING", "grantId": null}""");
		assertThat(read(get("/api/catalog/grants?side=consumer", consumer()), "$.items[*].resourceCode").toString())
			.doesNotContain(resource);
		assertThat(auditEvents(resource)).extracting(AuditEvent::action).containsExactly("sharing.application.file");
	}

	@Test
	void anApplicationWhoseAuditEventCannotBeStoredIsNotFiled() {
		String resource = resource(SharingType.UNCONDITIONAL, "name");
		doThrow(new IllegalStateException("outbox unavailable")).when(this.publisher)
			.publish(argThat(action("sharing.application.approve")));

		assertProblem(file(consumer(), resource, application(List.of("name"), this.clock.instant().plusSeconds(3600))),
				HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");

		assertThat(read(get("/api/catalog/applications?side=consumer&size=100", consumer()), "$.items[*].resourceCode")
			.toString()).doesNotContain(resource);
		assertThat(outboxRowsMentioning(resource)).isZero();
	}

	private static ArgumentMatcher<AuditEvent> action(String action) {
		return (event) -> event != null && event.action().equals(action);
	}

}
