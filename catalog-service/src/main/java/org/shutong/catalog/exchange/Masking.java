package org.shutong.catalog.exchange;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * How a sensitive item's value leaves the platform, by the resource's security level (1
 * public … 4 core), when the grant does not allow raw values. The one place this rule
 * lives:
 * <ul>
 * <li>level 1: as the provider gave it;</li>
 * <li>level 2: partly hidden: an ID number keeps its first 6 and last 4 characters
 * (region and check), a mobile number its first 3 and last 4, a Chinese name its surname,
 * other text its first and last character;</li>
 * <li>level 3: mostly hidden: an ID number keeps its first and last character, a mobile
 * number its last 4, a name its surname followed by a fixed {@code **}; other text is
 * withheld;</li>
 * <li>level 4: withheld.</li>
 * </ul>
 * Withheld values, and non-text values from level 2, become {@value #WITHHELD}, which
 * tells nothing about their length; a null stays null.
 */
public final class Masking {

	static final String WITHHELD = "******";

	private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

	private static final Pattern MOBILE = Pattern.compile("1[0-9]{10}");

	private static final Pattern CHINESE_NAME = Pattern.compile("[\\p{IsHan}][\\p{IsHan}·]{1,9}");

	private Masking() {
	}

	public static JsonNode mask(JsonNode value, int securityLevel) {
		if (value.isNull() || securityLevel <= 1) {
			return value;
		}
		if (!value.isString() || securityLevel >= 4) {
			return StringNode.valueOf(WITHHELD);
		}
		return StringNode.valueOf(mask(value.asString(), securityLevel));
	}

	static String mask(String text, int securityLevel) {
		if (ID_NUMBER.matcher(text).matches()) {
			return (securityLevel == 2) ? keep(text, 6, 4) : keep(text, 1, 1);
		}
		if (MOBILE.matcher(text).matches()) {
			return (securityLevel == 2) ? keep(text, 3, 4) : keep(text, 0, 4);
		}
		if (CHINESE_NAME.matcher(text).matches()) {
			String surname = text.substring(0, text.offsetByCodePoints(0, 1));
			return (securityLevel == 2) ? keep(text, 1, 0) : surname + "**";
		}
		return (securityLevel == 2 && text.codePointCount(0, text.length()) > 2) ? keep(text, 1, 1) : WITHHELD;
	}

	/**
	 * The text with all but its first {@code head} and last {@code tail} characters as
	 * {@code *}.
	 */
	private static String keep(String text, int head, int tail) {
		int[] characters = text.codePoints().toArray();
		StringBuilder masked = new StringBuilder(text.length());
		for (int i = 0; i < characters.length; i++) {
			boolean kept = i < head || i >= characters.length - tail;
			masked.appendCodePoint(kept ? characters[i] : '*');
		}
		return masked.toString();
	}

}
