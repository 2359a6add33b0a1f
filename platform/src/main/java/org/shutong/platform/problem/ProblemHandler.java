package org.shutong.platform.problem;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches a controller into an RFC 9457 problem with a stable
 * {@code code}: bad input is a 4xx that names the bad fields, anything unexpected is a
 * 500 that tells nothing about the internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLargeException tooLarge = findCause(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return respond(Problems.of(PlatformProblem.PAYLOAD_TOO_LARGE, tooLarge.getMessage()), headers, request);
		}
		MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			FieldError error = JsonFieldErrors.of(mismatch);
			return respond(Problems.invalid("The request body has a field of the wrong type or value.", List.of(error)),
					headers, request);
		}
		String detail = (findCause(ex, JacksonException.class) != null) ? "The request body is not valid JSON."
				: "The request body is missing or unreadable.";
		return respond(Problems.of(PlatformProblem.MALFORMED_BODY, detail), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.invalid("The request has invalid fields.", fieldErrors(ex.getBindingResult())), headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldError(
						// A body's field by its own name, a path variable or parameter by
						// the parameter's.
						(error instanceof org.springframework.validation.FieldError field) ? field.getField()
								: parameterName(result.getMethodParameter().getParameterName()),
						error.getDefaultMessage())))
			.toList();
		return respond(Problems.invalid("The request has invalid parameters.", errors), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "the expected type";
		FieldError error = new FieldError(parameterName(ex.getPropertyName()), "must be a valid " + type);
		return respond(Problems.invalid("A parameter has the wrong type.", List.of(error)), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		FieldError error = new FieldError(ex.getParameterName(), "is required");
		return respond(Problems.invalid("A required parameter is missing.", List.of(error)), headers, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return respond(Problems.invalid("The request has invalid fields.", errors), new HttpHeaders(), request);
	}

	@ExceptionHandler(RequestBodyTooLargeException.class)
	ResponseEntity<Object> handleTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
		return respond(Problems.of(PlatformProblem.PAYLOAD_TOO_LARGE, ex.getMessage()), new HttpHeaders(), request);
	}

	/**
	 * Hands refusals raised in a controller (such as {@code @PreAuthorize}) back to the
	 * security filters, which answer them as they answer any other: 401 or 403, not 500.
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void handleSecurity(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		// The limit hit while another component streamed the body on, e.g. the gateway's
		// HTTP client proxying it, which wraps the exception in its own.
		RequestBodyTooLargeException tooLarge = findCause(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return handleTooLarge(tooLarge, request);
		}
		log.error("Unexpected error", ex);
		ProblemDetail problem = Problems.of(PlatformProblem.INTERNAL_ERROR,
				"The request could not be completed. Quote the request id when reporting this.");
		return respond(problem, new HttpHeaders(), request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		return respond(problem, headers, request);
	}

	private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		ProblemBodies.complete(problem, (request instanceof ServletWebRequest servlet) ? servlet.getRequest() : null);
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		return result.getAllErrors().stream().map((error) -> {
			String field = (error instanceof org.springframework.validation.FieldError fieldError)
					? fieldError.getField() : error.getObjectName();
			return new FieldError(field, error.getDefaultMessage());
		}).toList();
	}

	private static String parameterName(@Nullable String name) {
		return (name != null) ? name : "parameter";
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
