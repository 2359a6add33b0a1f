package org.shutong.catalog.resource;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One parameter of the provider's query API, which the exchange broker fills from a
 * consumer's query.
 *
 * @param type one of {@link DataItem#TYPES}
 */
@Embeddable
public record EndpointParameter(@Column(name = "name") String name, @Column(name = "type") String type,
		@Column(name = "is_required") boolean required, @Column(name = "description") String description) {

}
