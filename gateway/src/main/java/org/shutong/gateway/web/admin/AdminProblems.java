package org.shutong.gateway.web.admin;

import java.util.List;

import org.shutong.gateway.web.ServiceProblem;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;

/**
 * What went wrong with an admin form, as the form shows it: the same words the admin API
 * would answer with, from its bean validation or from the registry it shares.
 */
final class AdminProblems {

	private AdminProblems() {
	}

	static ServiceProblem of(BindingResult binding) {
		List<ServiceProblem.FieldError> errors = binding.getFieldErrors()
			.stream()
			.map((error) -> new ServiceProblem.FieldError(error.getField(),
					error.isBindingFailure() ? "is not valid" : error.getDefaultMessage()))
			.toList();
		return new ServiceProblem(400, "INVALID_REQUEST", null, null, errors);
	}

	static ServiceProblem of(ProblemException refusal) {
		ProblemDetail body = refusal.getBody();
		List<ServiceProblem.FieldError> errors = List.of();
		if (body.getProperties() != null && body.getProperties().get(Problems.ERRORS) instanceof List<?> fields) {
			errors = fields.stream()
				.filter(FieldError.class::isInstance)
				.map(FieldError.class::cast)
				.map((field) -> new ServiceProblem.FieldError(field.field(), field.message()))
				.toList();
		}
		return new ServiceProblem(refusal.getStatusCode().value(), refusal.code().name(), body.getTitle(),
				body.getDetail(), errors);
	}

}
