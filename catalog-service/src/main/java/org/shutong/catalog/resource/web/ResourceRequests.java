package org.shutong.catalog.resource.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.EndpointParameter;
import org.shutong.catalog.resource.OpenType;
import org.shutong.catalog.resource.ResourceCategory;
import org.shutong.catalog.resource.ResourceDraft;
import org.shutong.catalog.resource.SharingType;
import org.shutong.catalog.resource.UpdateCycle;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

/**
 * Checks a {@link ResourceRequest} whole and turns it into a draft, or refuses it with
 * one 400 problem naming every bad field by its JSON path.
 */
final class ResourceRequests {

	static final int NAME_MAX = 200;

	static final int DESCRIPTION_MAX = 2000;

	static final int CONDITION_MAX = 1000;

	static final int URL_MAX = 500;

	static final int ITEM_NAME_MAX = 100;

	static final int ITEM_DESCRIPTION_MAX = 500;

	static final int ITEMS_MAX = 500;

	static final int REASON_MAX = 500;

	static final List<String> METHODS = List.of("GET", "POST");

	private final List<FieldError> errors = new ArrayList<>();

	private ResourceRequests() {
	}

	static ResourceDraft draft(ResourceRequest request) {
		ResourceRequests check = new ResourceRequests();
		ResourceDraft draft = check.read(request);
		check.refuseIfInvalid();
		return draft;
	}

	static @Nullable String reason(ResourceRequest.@Nullable Retirement retirement) {
		ResourceRequests check = new ResourceRequests();
		String reason = (retirement != null) ? check.text("reason", retirement.reason(), REASON_MAX, false) : null;
		check.refuseIfInvalid();
		return reason;
	}

	private @Nullable ResourceDraft read(ResourceRequest request) {
		String name = text("name", request.name(), NAME_MAX, true);
		String description = text("description", request.description(), DESCRIPTION_MAX, true);
		ResourceCategory category = constant("category", request.category(), ResourceCategory.class);
		Integer level = request.securityLevel();
		if (level == null) {
			reject("securityLevel", "is required");
		}
		else if (level < 1 || level > 4) {
			reject("securityLevel", "must be between 1 and 4");
		}
		SharingType sharingType = constant("sharingType", request.sharingType(), SharingType.class);
		String condition = text("sharingCondition", request.sharingCondition(), CONDITION_MAX,
				sharingType == SharingType.CONDITIONAL);
		OpenType openType = constant("openType", request.openType(), OpenType.class);
		UpdateCycle updateCycle = constant("updateCycle", request.updateCycle(), UpdateCycle.class);
		List<DataItem> items = items(request.items());
		DataResource.Endpoint endpoint = null;
		List<EndpointParameter> parameters = List.of();
		if (request.endpoint() == null) {
			reject("endpoint", "is required");
		}
		else {
			endpoint = endpoint(request.endpoint());
			parameters = parameters(request.endpoint().parameters());
		}
		if (!this.errors.isEmpty()) {
			return null;
		}
		return new ResourceDraft(new DataResource.Description(name, description, category.name()),
				new DataResource.Grading(level, sharingType, condition, openType, updateCycle), endpoint, parameters,
				items);
	}

	private List<DataItem> items(@Nullable List<ResourceRequest.Item> requested) {
		if (requested == null || requested.isEmpty()) {
			reject("items", "must list at least one data item");
			return List.of();
		}
		if (requested.size() > ITEMS_MAX) {
			reject("items", "must list at most " + ITEMS_MAX + " data items");
			return List.of();
		}
		List<DataItem> items = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String path = "items[" + i + "]";
			ResourceRequest.Item item = requested.get(i);
			if (item == null) {
				reject(path, "is required");
				continue;
			}
			String name = text(path + ".name", item.name(), ITEM_NAME_MAX, true);
			if (name != null && !names.add(name)) {
				reject(path + ".name", "must be unique among the items; '" + name + "' is listed twice");
			}
			String type = type(path + ".type", item.type());
			String description = text(path + ".description", item.description(), ITEM_DESCRIPTION_MAX, false);
			if (item.sensitive() == null) {
				reject(path + ".sensitive", "is required");
			}
			items.add(new DataItem(name, type, description, Boolean.TRUE.equals(item.sensitive())));
		}
		return items;
	}

	private DataResource.Endpoint endpoint(ResourceRequest.Endpoint endpoint) {
		String url = text("endpoint.url", endpoint.url(), URL_MAX, true);
		if (url != null && !isHttpUrl(url)) {
			reject("endpoint.url", "must be an absolute http or https URL with a host");
		}
		String method = endpoint.method();
		if (method == null || method.isBlank()) {
			reject("endpoint.method", "is required");
		}
		else if (!METHODS.contains(method)) {
			reject("endpoint.method", "must be one of " + METHODS);
		}
		return new DataResource.Endpoint(url, method);
	}

	private List<EndpointParameter> parameters(@Nullable List<ResourceRequest.Parameter> requested) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > ITEMS_MAX) {
			reject("endpoint.parameters", "must list at most " + ITEMS_MAX + " parameters");
			return List.of();
		}
		List<EndpointParameter> parameters = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String path = "endpoint.parameters[" + i + "]";
			ResourceRequest.Parameter parameter = requested.get(i);
			if (parameter == null) {
				reject(path, "is required");
				continue;
			}
			String name = text(path + ".name", parameter.name(), ITEM_NAME_MAX, true);
			if (name != null && !names.add(name)) {
				reject(path + ".name", "must be unique among the parameters; '" + name + "' is listed twice");
			}
			String type = type(path + ".type", parameter.type());
			String description = text(path + ".description", parameter.description(), ITEM_DESCRIPTION_MAX, false);
			if (parameter.required() == null) {
				reject(path + ".required", "is required");
			}
			parameters.add(new EndpointParameter(name, type, Boolean.TRUE.equals(parameter.required()), description));
		}
		return parameters;
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null && !uri.getHost().isBlank() && uri.getUserInfo() == null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private @Nullable String type(String field, @Nullable String type) {
		if (type == null || type.isBlank()) {
			reject(field, "is required");
			return null;
		}
		if (!DataItem.TYPES.contains(type)) {
			reject(field, "must be one of " + DataItem.TYPES);
			return null;
		}
		return type;
	}

	private @Nullable String text(String field, @Nullable String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				reject(field, "is required");
			}
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			reject(field, "must be at most " + max + " characters");
			return null;
		}
		return text;
	}

	private <E extends Enum<E>> @Nullable E constant(String field, @Nullable String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			reject(field, "is required");
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			reject(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
			return null;
		}
	}

	private void reject(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	private void refuseIfInvalid() {
		if (!this.errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("The request has invalid fields.", List.copyOf(this.errors)));
		}
	}

}
