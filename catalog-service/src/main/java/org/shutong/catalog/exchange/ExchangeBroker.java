package org.shutong.catalog.exchange;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.shutong.catalog.exchange.provider.ProviderCall;
import org.shutong.catalog.exchange.provider.ProviderClient;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.SharingProblem;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;
import org.shutong.platform.security.Scopes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * Brokers a consumer department's query of another department's resource (flow 3): checks
 * the caller, the query and the grant (what that needs from the database read in one
 * transaction, {@link QueryReads}), spends the grant's budget, calls the provider system,
 * keeps only what the grant allows, and records the receipt with its audit event before
 * answering. A refused or failed query is recorded the same way, and its problem names
 * the receipt.
 */
@Service
public class ExchangeBroker {

	static final String RECEIPT_ID = "receiptId";

	private final QueryReads reads;

	private final ProviderClient providers;

	private final QueryQuotas quotas;

	private final ExchangeLedger ledger;

	private final HolderReferences holders;

	private final Clock clock;

	ExchangeBroker(QueryReads reads, ProviderClient providers, QueryQuotas quotas, ExchangeLedger ledger,
			HolderReferences holders, Clock clock) {
		this.reads = reads;
		this.providers = providers;
		this.quotas = quotas;
		this.ledger = ledger;
		this.holders = holders;
		this.clock = clock;
	}

	public QueryAnswer query(Caller caller, String resourceCode, QueryRequest request) {
		long start = System.nanoTime();
		Receipt receipt = new Receipt(UUID.randomUUID().toString(), caller, resourceCode, request,
				this.clock.instant());
		List<ObjectNode> rows;
		FieldControl fields;
		try {
			checkCaller(caller, request);
			QueryReads.Grounds grounds = this.reads.read(caller.departmentCode(), resourceCode,
					request.serviceItemCode());
			DataResource resource = grounds.resource();
			Grant grant = grounds.grant();
			receipt.granted(grant.id(), resource.version(), resource.providerCode());
			ObjectNode parameters = QueryChecks.checkParameters(resourceCode, request.parameters(),
					resource.parameters());
			identifySubject(parameters, receipt);
			this.quotas.consume(grant);
			fields = new FieldControl(resource, grant);
			rows = fields
				.apply(this.providers.fetch(call(receipt, resource, grant, parameters, request), grounds.provider()));
		}
		catch (ProblemException ex) {
			this.ledger.record(receipt.ended(outcome(ex), ex.code().name(), since(start)));
			ex.getBody().setProperty(RECEIPT_ID, receipt.id());
			throw ex;
		}
		catch (RuntimeException ex) {
			this.ledger.record(receipt.ended(AuditOutcome.FAILED, PlatformProblem.INTERNAL_ERROR.name(), since(start)));
			throw ex;
		}
		this.ledger.record(receipt.answered(fields.items(), rows.size(), since(start)));
		return new QueryAnswer(receipt.id(), resourceCode, rows);
	}

	/**
	 * The caller may query and the query is well formed; nothing is read for this.
	 */
	private static void checkCaller(Caller caller, QueryRequest request) {
		if (!caller.hasScope(Scopes.EXCHANGE_QUERY)) {
			throw new ProblemException(PlatformProblem.FORBIDDEN,
					"Querying another department's data needs the scope " + Scopes.EXCHANGE_QUERY + ".");
		}
		if (caller.departmentCode() == null) {
			throw new ProblemException(SharingProblem.NO_DEPARTMENT, "Only a department's system or person queries.");
		}
		QueryChecks.checkRequest(request);
	}

	/**
	 * Names the person or enterprise a query is about by holder reference, when one of
	 * its parameters is a valid ID number or credit code.
	 */
	private void identifySubject(ObjectNode parameters, Receipt receipt) {
		for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
			String value = parameter.getValue().isString() ? parameter.getValue().asString() : "";
			if (ResidentIdNumber.isValid(value)) {
				receipt.about(AuditEvent.SubjectKind.PERSON, this.holders.of(new ResidentIdNumber(value)));
				return;
			}
			if (CreditCode.isValid(value)) {
				receipt.about(AuditEvent.SubjectKind.ENTERPRISE, this.holders.of(new CreditCode(value)));
				return;
			}
		}
	}

	private static ProviderCall call(Receipt receipt, DataResource resource, Grant grant, ObjectNode parameters,
			QueryRequest request) {
		DataResource.Endpoint endpoint = resource.endpoint();
		return new ProviderCall(receipt.id(), URI.create(endpoint.url()), endpoint.method(), parameters,
				resource.providerCode(), resource.code(), grant.id(), grant.consumerCode(), receipt.clientId(),
				receipt.userId(), request.purpose(), request.serviceItemCode());
	}

	private static AuditOutcome outcome(ProblemException problem) {
		return problem.getStatusCode().is5xxServerError() ? AuditOutcome.FAILED : AuditOutcome.DENIED;
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
