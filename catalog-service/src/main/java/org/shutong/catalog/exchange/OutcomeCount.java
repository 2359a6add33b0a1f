package org.shutong.catalog.exchange;

import org.shutong.platform.audit.AuditOutcome;

/**
 * How many queries of one provider, consumer and resource ended one way.
 */
public record OutcomeCount(String providerCode, String consumerCode, String resourceCode, AuditOutcome outcome,
		long count) {

}
