package org.shutong.platform.identity;

import java.util.regex.Pattern;

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015), which identifies
 * departments and enterprises. Only codes whose check character is right can be made.
 */
public record CreditCode(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final Pattern FORM = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

	public CreditCode {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid unified social credit code");
		}
	}

	public static boolean isValid(String candidate) {
		return candidate != null && FORM.matcher(candidate).matches()
				&& checkCharacter(candidate.substring(0, 17)) == candidate.charAt(17);
	}

	/**
	 * The check character for the first 17 characters of a code.
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
