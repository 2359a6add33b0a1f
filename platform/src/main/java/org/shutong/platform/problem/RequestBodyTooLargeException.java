package org.shutong.platform.problem;

import java.io.IOException;

/**
 * Raised while reading a request body that grows past the configured limit.
 */
public class RequestBodyTooLargeException extends IOException {

	public RequestBodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes.");
	}

}
