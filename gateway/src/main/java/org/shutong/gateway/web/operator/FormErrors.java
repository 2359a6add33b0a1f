package org.shutong.gateway.web.operator;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.ServiceProblem;

/**
 * The catalogue's field errors of a refused publish or update, grouped by the form field
 * they belong to, so that each is shown next to it: {@code items[2].name} belongs to the
 * items text area and is the third item.
 */
public record FormErrors(List<FieldMessage> all) {

	private static final Pattern ENTRY = Pattern.compile("(items|endpoint\\.parameters)\\[(\\d+)\\](?:\\.(.+))?");

	static final FormErrors NONE = new FormErrors(List.of());

	static FormErrors of(ServiceProblem problem) {
		return new FormErrors(
				problem.errors().stream().map((error) -> FieldMessage.of(error.field(), error.message())).toList());
	}

	/**
	 * The errors of one form field: {@code name}, {@code items}, {@code endpoint.url} …
	 */
	public List<FieldMessage> of(String field) {
		return this.all.stream().filter((error) -> field.equals(error.field())).toList();
	}

	/**
	 * @param field the form field, e.g. {@code items}
	 * @param entry the item or parameter, counted from 1, if the error is about one
	 * @param part what of the entry, e.g. {@code type}
	 */
	public record FieldMessage(String field, @Nullable Integer entry, @Nullable String part, String path,
			String message) {

		static FieldMessage of(@Nullable String path, @Nullable String message) {
			String field = (path != null) ? path : "";
			String text = (message != null) ? message : "";
			Matcher entry = ENTRY.matcher(field);
			if (entry.matches()) {
				return new FieldMessage(entry.group(1), Integer.parseInt(entry.group(2)) + 1, entry.group(3), field,
						text);
			}
			return new FieldMessage(field, null, null, field, text);
		}

	}

}
