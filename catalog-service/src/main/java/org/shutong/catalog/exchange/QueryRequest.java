package org.shutong.catalog.exchange;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A consumer's query as posted. Checked by {@link QueryChecks} inside the broker, so that
 * a refused query is audited like any other.
 *
 * @param parameters the values for the provider endpoint's declared parameters, by name
 * @param purpose why the data is needed (用途)
 * @param serviceItemCode the government service item the query serves (事项编码); the grant
 * must be for it
 */
public record QueryRequest(@Nullable JsonNode parameters, @Nullable String purpose, @Nullable String serviceItemCode) {

}
