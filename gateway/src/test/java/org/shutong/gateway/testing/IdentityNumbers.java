package org.shutong.gateway.testing;

import java.util.concurrent.ThreadLocalRandom;

import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.ResidentIdNumber;

/**
 * Fresh, well-formed identity numbers with right check characters, so that tests never
 * collide with each other or with the demo data; and the same with a wrong one.
 */
public final class IdentityNumbers {

	private IdentityNumbers() {
	}

	/**
	 * A unified social credit code of a government body (机关, category 11) in Hangzhou.
	 */
	public static String creditCode() {
		String first17 = "11330100" + digits(9);
		return first17 + CreditCode.checkCharacter(first17);
	}

	public static String residentIdNumber() {
		String first17 = "330106" + "1990" + "0315" + digits(3);
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

	/** The same number with another check character: mistyped. */
	public static String withWrongCheckCharacter(String number) {
		char right = number.charAt(number.length() - 1);
		char wrong = (right == '0') ? '1' : '0';
		return number.substring(0, number.length() - 1) + wrong;
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString();
	}

}
