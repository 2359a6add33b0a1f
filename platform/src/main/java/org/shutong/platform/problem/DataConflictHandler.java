package org.shutong.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A write that breaks a unique key or a reference, typically two requests racing to
 * create the same thing after both checked it was free, is a 409 conflict, not a 500.
 * Nothing was written: the transaction rolled back.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataConflictHandler {

	private static final Logger log = LoggerFactory.getLogger(DataConflictHandler.class);

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> handleConflict(DataIntegrityViolationException ex, HttpServletRequest request) {
		log.info("Refused a write that conflicts with stored data: {}", ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = Problems.of(PlatformProblem.CONFLICT,
				"The request conflicts with data already stored (for example, it was created meanwhile).");
		return ResponseEntity.status(problem.getStatus()).body(ProblemBodies.complete(problem, request));
	}

}
