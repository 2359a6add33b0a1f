package org.shutong.gateway.web.auditor;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A page of the audit API, newest first: {@code next} is where the following page starts,
 * null on the last.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiPage<T>(@Nullable List<T> items, @Nullable Long next) {

	List<T> rows() {
		return (this.items != null) ? this.items : List.of();
	}

}
