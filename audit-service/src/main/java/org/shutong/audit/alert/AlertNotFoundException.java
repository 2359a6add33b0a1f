package org.shutong.audit.alert;

/**
 * No alert has this id.
 */
public class AlertNotFoundException extends RuntimeException {

	AlertNotFoundException(long id) {
		super("No alert has the id " + id);
	}

}
