package org.shutong.audit.log;

/**
 * The log could not take events now (busy, shutting down, database unreachable); the
 * caller should deliver them again later.
 */
public class LogUnavailableException extends RuntimeException {

	LogUnavailableException(String message) {
		super(message);
	}

	LogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
