package org.shutong.catalog.resource;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;

/**
 * One field a resource provides (信息项); sensitive items are masked by security level.
 */
@Embeddable
public record DataItem(@FullTextField(analyzer = CatalogAnalysis.ANALYZER) @Column(name = "name") String name,
		@Column(name = "type") String type, @Column(name = "description") String description,
		@Column(name = "is_sensitive") boolean sensitive) {

	/** The types an item or an endpoint parameter may have. */
	public static final List<String> TYPES = List.of("string", "integer", "decimal", "boolean", "date", "datetime",
			"binary");

}
