package org.shutong.platform.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * A stable kind of problem: its {@code code} and {@code type} never change once
 * published, so clients and tests can rely on them. Each service adds its own codes as an
 * enum implementing this interface.
 */
public interface ProblemCode {

	String TYPE_PREFIX = "urn:shutong:problem:";

	String name();

	HttpStatus status();

	String title();

	default URI type() {
		return URI.create(TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

}
