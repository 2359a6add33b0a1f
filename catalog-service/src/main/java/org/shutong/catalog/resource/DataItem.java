package org.shutong.catalog.resource;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One field a resource provides (信息项); sensitive items are masked by security level.
 */
@Embeddable
public record DataItem(@Column(name = "name") String name, @Column(name = "type") String type,
		@Column(name = "description") String description, @Column(name = "is_sensitive") boolean sensitive) {

}
