package org.shutong.platform.problem;

import java.util.List;

import tools.jackson.core.JacksonException;

/**
 * Renders Jackson's reference path as {@code items[2].name}.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JacksonException.Reference> path) {
		StringBuilder result = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!result.isEmpty()) {
					result.append('.');
				}
				result.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				result.append('[').append(reference.getIndex()).append(']');
			}
		}
		return result.toString();
	}

}
