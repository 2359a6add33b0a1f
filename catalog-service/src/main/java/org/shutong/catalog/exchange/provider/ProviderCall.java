package org.shutong.catalog.exchange.provider;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One query the broker makes of a provider system on a consumer's behalf, and what the
 * signed request tells the provider about it.
 *
 * @param method {@code GET} (parameters in the query string) or {@code POST} (parameters
 * as a JSON object)
 * @param parameters the consumer's checked parameters
 */
public record ProviderCall(String receiptId, URI endpoint, String method, ObjectNode parameters, String providerCode,
		String resourceCode, String grantId, String consumerCode, @Nullable String clientId, @Nullable String userId,
		String purpose, String serviceItemCode) {

}
