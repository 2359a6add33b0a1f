package org.shutong.platform.problem;

/**
 * One bad field of a request: its JSON path (or parameter name) and what is wrong.
 */
public record FieldError(String field, String message) {

}
