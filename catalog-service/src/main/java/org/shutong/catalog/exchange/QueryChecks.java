package org.shutong.catalog.exchange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.EndpointParameter;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.problem.PlatformProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks of a query's fields: first what any query needs, then its parameters against
 * those the resource's endpoint declares. Each names every bad field at once.
 */
final class QueryChecks {

	static final int MAX_PARAMETERS = 32;

	static final int MAX_VALUE_LENGTH = 256;

	private static final Pattern SERVICE_ITEM = Pattern.compile("[0-9A-Za-z._-]{1,64}");

	private QueryChecks() {
	}

	static void checkRequest(QueryRequest request) {
		List<FieldError> errors = new ArrayList<>();
		String purpose = request.purpose();
		if (purpose == null || purpose.isBlank()) {
			errors.add(new FieldError("purpose", "is required"));
		}
		else if (purpose.length() > 500) {
			errors.add(new FieldError("purpose", "must be at most 500 characters"));
		}
		String serviceItem = request.serviceItemCode();
		if (serviceItem == null || serviceItem.isBlank()) {
			errors.add(new FieldError("serviceItemCode", "is required"));
		}
		else if (!SERVICE_ITEM.matcher(serviceItem).matches()) {
			errors.add(new FieldError("serviceItemCode", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
		}
		JsonNode parameters = request.parameters();
		if (parameters != null && !parameters.isNull()) {
			if (!parameters.isObject()) {
				errors.add(new FieldError("parameters", "must be an object of parameter values by name"));
			}
			else if (parameters.size() > MAX_PARAMETERS) {
				errors.add(new FieldError("parameters", "must have at most " + MAX_PARAMETERS + " entries"));
			}
			else {
				for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
					String error = sizeError(parameter.getValue());
					if (error != null) {
						errors.add(new FieldError(field(parameter.getKey()), error));
					}
				}
			}
		}
		reject("The query has invalid fields.", errors);
	}

	/**
	 * The parameters checked against the endpoint's declaration: none undeclared, every
	 * required one given, each of its declared type. Returns them in the declared order.
	 */
	static ObjectNode checkParameters(String resourceCode, @Nullable JsonNode given, List<EndpointParameter> declared) {
		Map<String, EndpointParameter> byName = new LinkedHashMap<>();
		declared.forEach((parameter) -> byName.put(parameter.name(), parameter));
		List<FieldError> errors = new ArrayList<>();
		ObjectNode values = JsonNodeFactory.instance.objectNode();
		if (given != null && given.isObject()) {
			for (String name : given.propertyNames()) {
				if (!byName.containsKey(name)) {
					errors.add(new FieldError(field(name), "is not a parameter of " + resourceCode + "'s endpoint "
							+ "(declared: " + String.join(", ", byName.keySet()) + ")"));
				}
			}
		}
		for (EndpointParameter parameter : declared) {
			JsonNode value = (given != null) ? given.get(parameter.name()) : null;
			if (value == null || value.isNull()) {
				if (parameter.required()) {
					errors.add(new FieldError(field(parameter.name()), "is required"));
				}
				continue;
			}
			if (!hasType(value, parameter.type())) {
				errors.add(new FieldError(field(parameter.name()), "must be of type " + parameter.type()));
				continue;
			}
			values.set(parameter.name(), value);
		}
		reject("The query's parameters do not match those " + resourceCode + " declares.", errors);
		return values;
	}

	private static @Nullable String sizeError(JsonNode value) {
		if (value.isContainer()) {
			return "must be a single value, not an object or array";
		}
		if (value.isString() && value.asString().length() > MAX_VALUE_LENGTH) {
			return "must be at most " + MAX_VALUE_LENGTH + " characters";
		}
		return null;
	}

	private static boolean hasType(JsonNode value, String type) {
		return switch (type) {
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "decimal" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "date" -> value.isString() && parses(() -> LocalDate.parse(value.asString()));
			case "datetime" -> value.isString() && parses(() -> OffsetDateTime.parse(value.asString()));
			case "binary" -> value.isString() && parses(() -> Base64.getDecoder().decode(value.asString()));
			default -> false;
		};
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String field(String parameter) {
		return "parameters." + parameter;
	}

	private static void reject(String detail, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST, Problems.invalid(detail, errors));
		}
	}

}
