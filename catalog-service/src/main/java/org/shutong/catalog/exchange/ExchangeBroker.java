package org.shutong.catalog.exchange;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.shutong.catalog.exchange.provider.ProviderCall;
import org.shutong.catalog.exchange.provider.ProviderClient;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.DataResourceRepository;
import org.shutong.catalog.sharing.Grant;
import org.shutong.catalog.sharing.GrantStatus;
import org.shutong.catalog.sharing.SharingProblem;
import org.shutong.catalog.sharing.SharingService;
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
 * the caller, the query and the grant, spends the grant's budget, calls the provider
 * system, keeps only what the grant allows, and records the receipt with its audit event
 * before answering. A refused or failed query is recorded the same way, and its problem
 * names the receipt.
 */
@Service
public class ExchangeBroker {

	static final String RECEIPT_ID = "receiptId";

	private final SharingService sharing;

	private final DataResourceRepository resources;

	private final ProviderClient providers;

	private final QueryQuotas quotas;

	private final ExchangeLedger ledger;

	private final HolderReferences holders;

	private final Clock clock;

	ExchangeBroker(SharingService sharing, DataResourceRepository resources, ProviderClient providers,
			QueryQuotas quotas, ExchangeLedger ledger, HolderReferences holders, Clock clock) {
		this.sharing = sharing;
		this.resources = resources;
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
			DataResource resource = checked(caller, resourceCode, request);
			Grant grant = grant(caller.departmentCode(), resourceCode, request.serviceItemCode());
			receipt.granted(grant.id(), resource.version(), resource.providerCode());
			ObjectNode parameters = QueryChecks.checkParameters(resourceCode, request.parameters(),
					resource.parameters());
			identifySubject(parameters, receipt);
			this.quotas.consume(grant);
			fields = new FieldControl(resource, grant);
			rows = fields.apply(this.providers.fetch(call(receipt, resource, grant, parameters, request)));
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
	 * The caller may query, the query is well formed, and the resource is there to query.
	 */
	private DataResource checked(Caller caller, String resourceCode, QueryRequest request) {
		if (!caller.hasScope(Scopes.EXCHANGE_QUERY)) {
			throw new ProblemException(PlatformProblem.FORBIDDEN,
					"Querying another department's data needs the scope " + Scopes.EXCHANGE_QUERY + ".");
		}
		if (caller.departmentCode() == null) {
			throw new ProblemException(SharingProblem.NO_DEPARTMENT, "Only a department's system or person queries.");
		}
		QueryChecks.checkRequest(request);
		DataResource resource = this.resources.findFirstByCodeOrderByVersionDesc(resourceCode)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No resource " + resourceCode + "."));
		if (resource.isRetired()) {
			throw new ProblemException(SharingProblem.RESOURCE_RETIRED,
					"Resource " + resourceCode + " is retired and no longer queried.");
		}
		return resource;
	}

	/**
	 * The consumer's live grant for the resource and service item, or why there is none.
	 */
	private Grant grant(String consumer, String resourceCode, String serviceItem) {
		Instant now = this.clock.instant();
		return this.sharing.liveGrant(consumer, resourceCode, serviceItem, now).orElseThrow(() -> {
			GrantStatus newest = this.sharing.newestGrant(consumer, resourceCode, serviceItem)
				.map((grant) -> grant.statusAt(now))
				.orElse(null);
			if (newest == GrantStatus.REVOKED) {
				return new ProblemException(ExchangeProblem.GRANT_REVOKED, "The grant of " + resourceCode
						+ " for service item " + serviceItem + " to your department was revoked.");
			}
			if (newest == GrantStatus.EXPIRED) {
				return new ProblemException(ExchangeProblem.GRANT_EXPIRED, "The grant of " + resourceCode
						+ " for service item " + serviceItem + " to your department has expired.");
			}
			return new ProblemException(ExchangeProblem.NO_GRANT, "Your department holds no grant of " + resourceCode
					+ " for service item " + serviceItem + "; apply for one first.");
		});
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
