package org.shutong.platform.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An 18-character citizen identity number (公民身份号码, GB 11643-1999), whose last character
 * is the ISO 7064 MOD 11-2 check over the first 17 digits. Only numbers whose check
 * character is right can be made; an {@code x} check character is kept as {@code X}.
 */
public record ResidentIdNumber(String value) {

	private static final Pattern FORM = Pattern.compile("[1-9][0-9]{16}[0-9X]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	public ResidentIdNumber {
		value = (value != null) ? value.toUpperCase(Locale.ROOT) : null;
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid citizen identity number");
		}
	}

	public static boolean isValid(String candidate) {
		if (candidate == null) {
			return false;
		}
		String upper = candidate.toUpperCase(Locale.ROOT);
		return FORM.matcher(upper).matches() && checkCharacter(upper.substring(0, 17)) == upper.charAt(17);
	}

	/**
	 * The check character for the first 17 digits of a number.
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	/**
	 * The number with all but its first 6 and last 4 characters hidden, for display.
	 */
	public String masked() {
		return this.value.substring(0, 6) + "********" + this.value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

}
