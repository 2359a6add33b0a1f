package org.shutong.catalog.resource;

import java.util.concurrent.ThreadLocalRandom;

import org.shutong.platform.identity.CreditCode;

/**
 * Fresh department credit codes, so that each test counts its own serials.
 */
public final class Departments {

	private Departments() {
	}

	/** A random valid credit code of a government body (registration class 11). */
	public static String fresh() {
		StringBuilder code = new StringBuilder("11");
		for (int i = 0; i < 15; i++) {
			code.append(ThreadLocalRandom.current().nextInt(10));
		}
		code.append(CreditCode.checkCharacter(code.toString()));
		return code.toString();
	}

}
