package org.shutong.certificate.type;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One surface field (照面信息) of a certificate type, e.g. the holder's name or the date of
 * registration.
 */
@Embeddable
public record SurfaceField(@Column(name = "name") String name, @Column(name = "label") String label,
		@Enumerated(EnumType.STRING) @Column(name = "data_type") FieldType type,
		@Column(name = "is_sensitive") boolean sensitive, @Column(name = "is_required") boolean required) {

}
