package org.shutong.certificate.identifier;

/**
 * The ISO/IEC 7064 MOD 37,36 hybrid check character over digits and capital letters.
 */
public final class Mod3736 {

	static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final int M = 36;

	private Mod3736() {
	}

	/**
	 * @throws IllegalArgumentException if {@code text} has a character outside [0-9A-Z]
	 */
	public static char checkCharacter(String text) {
		int product = M;
		for (int i = 0; i < text.length(); i++) {
			int value = ALPHABET.indexOf(text.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a digit or capital letter at " + i);
			}
			int sum = (product + value) % M;
			product = (((sum == 0) ? M : sum) * 2) % (M + 1);
		}
		return ALPHABET.charAt((M + 1 - product) % M);
	}

}
