package org.shutong.certificate.authorization;

import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

/**
 * A holder acts by the holder reference their token carries (the gateway's {@code holder}
 * claim), never by an ID number they send.
 */
public final class HolderCheck {

	private HolderCheck() {
	}

	public static String holder(Caller caller) {
		if (caller.holder() == null || caller.holder().isBlank()) {
			throw new ProblemException(CertificateProblem.NO_HOLDER,
					"Only a holder's own token reaches their certificates; this one names no holder");
		}
		return caller.holder();
	}

}
