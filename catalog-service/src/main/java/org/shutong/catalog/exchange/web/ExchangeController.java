package org.shutong.catalog.exchange.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.exchange.ExchangeBroker;
import org.shutong.catalog.exchange.QueryAnswer;
import org.shutong.catalog.exchange.QueryRequest;
import org.shutong.catalog.exchange.Receipt;
import org.shutong.catalog.exchange.ReceiptQueries;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cross-department queries through the broker, and their receipts. The query checks the
 * scope itself, so that a refusal is audited like any other outcome.
 */
@RestController
@PreAuthorize("denyAll")
class ExchangeController {

	private final ExchangeBroker broker;

	private final ReceiptQueries receipts;

	ExchangeController(ExchangeBroker broker, ReceiptQueries receipts) {
		this.broker = broker;
		this.receipts = receipts;
	}

	@PostMapping("/api/exchange/{resourceCode}/query")
	@PreAuthorize("isAuthenticated()")
	QueryAnswer query(Caller caller, @PathVariable String resourceCode, @RequestBody QueryRequest request) {
		return this.broker.query(caller, resourceCode, request);
	}

	@GetMapping("/api/exchange/receipts/{receiptId}")
	@PreAuthorize("hasAuthority('SCOPE_exchange.query')")
	ReceiptView receipt(Caller caller, @PathVariable String receiptId) {
		return ReceiptView.of(this.receipts.receipt(caller, receiptId));
	}

	/**
	 * A receipt as its consumer sees it: the query's outcome, never the rows.
	 */
	record ReceiptView(String receiptId, String resourceCode, @Nullable Integer resourceVersion,
			@Nullable String grantId, @Nullable String provider, @Nullable String consumer, @Nullable String clientId,
			@Nullable String userId, @Nullable String serviceItemCode, @Nullable String purpose, AuditOutcome outcome,
			@Nullable String problem, int rowCount, List<String> items, int itemCount, Instant startedAt,
			int durationMillis) {

		static ReceiptView of(Receipt receipt) {
			return new ReceiptView(receipt.id(), receipt.resourceCode(), receipt.resourceVersion(), receipt.grantId(),
					receipt.providerCode(), receipt.consumerCode(), receipt.clientId(), receipt.userId(),
					receipt.serviceItemCode(), receipt.purpose(), receipt.outcome(), receipt.problemCode(),
					receipt.rowCount(), receipt.items(), receipt.itemCount(), receipt.startedAt(),
					receipt.durationMillis());
		}

	}

}
