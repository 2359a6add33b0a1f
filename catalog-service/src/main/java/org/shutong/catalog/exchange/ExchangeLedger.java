package org.shutong.catalog.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditPublisher;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a query's receipt and its audit event in one transaction, so that neither exists
 * without the other; the broker answers only once this has committed.
 */
@Component
class ExchangeLedger {

	static final String QUERY = "exchange.query";

	private final ReceiptRepository receipts;

	private final AuditPublisher audit;

	ExchangeLedger(ReceiptRepository receipts, AuditPublisher audit) {
		this.receipts = receipts;
		this.audit = audit;
	}

	@Transactional
	void record(Receipt receipt) {
		this.receipts.save(receipt);
		receipt.stored();
		this.audit.publish(event(receipt));
	}

	private static AuditEvent event(Receipt receipt) {
		AuditEvent.Subject subject = (receipt.subjectKind() != null)
				? new AuditEvent.Subject(receipt.subjectKind(), receipt.subjectReference()) : null;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("receiptId", receipt.id());
		putIfPresent(details, "resourceVersion", receipt.resourceVersion());
		putIfPresent(details, "grantId", receipt.grantId());
		putIfPresent(details, "provider", receipt.providerCode());
		details.put("rowCount", receipt.rowCount());
		details.put("items", receipt.items());
		details.put("itemCount", receipt.itemCount());
		details.put("durationMs", receipt.durationMillis());
		putIfPresent(details, "problem", receipt.problemCode());
		return new AuditEvent(UUID.randomUUID(), receipt.startedAt(), "catalog-service", QUERY, receipt.outcome(),
				new AuditEvent.Actor(receipt.consumerCode(), receipt.clientId(), receipt.userId()), subject,
				receipt.resourceCode(), receipt.serviceItemCode(), receipt.purpose(), MDC.get("traceId"), details);
	}

	private static void putIfPresent(Map<String, Object> details, String name, Object value) {
		if (value != null) {
			details.put(name, value);
		}
	}

}
