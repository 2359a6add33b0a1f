package org.shutong.audit.alert;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.alert.Alert.Acknowledgement;

/**
 * The alert was acknowledged before; an acknowledgement is never replaced.
 */
public class AlreadyAcknowledgedException extends RuntimeException {

	AlreadyAcknowledgedException(@Nullable Acknowledgement earlier) {
		super((earlier != null)
				? "The alert was acknowledged by " + earlier.acknowledgedBy() + " at " + earlier.acknowledgedAt()
						+ "; an acknowledgement is never replaced"
				: "The alert was acknowledged meanwhile, or is being acknowledged; an acknowledgement is never replaced");
	}

}
