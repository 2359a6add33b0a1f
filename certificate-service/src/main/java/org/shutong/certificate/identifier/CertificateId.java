package org.shutong.certificate.identifier;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shutong.platform.identity.CreditCode;

/**
 * A certificate identifier in the GB/T 36904 form
 * {@code 1.2.156.3005.2.<type code>.<issuer credit code>.<serial>.<version>.<check>}: the
 * type code is the defining authority's credit code plus a 3-digit sequence, the serial
 * is [0-9A-Z], the version three digits, and the check character ISO/IEC 7064 MOD 37,36
 * over type code, issuer code, serial and version written together.
 */
public record CertificateId(String typeCode, String issuerCode, String serial, String version) {

	public static final String PREFIX = "1.2.156.3005.2.";

	private static final Pattern FORM = Pattern.compile(
			"1\\.2\\.156\\.3005\\.2\\.([0-9A-Z]{18}[0-9]{3})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,20})\\.([0-9]{3})\\.([0-9A-Z])");

	private static final Pattern TYPE_CODE = Pattern.compile("[0-9A-Z]{18}[0-9]{3}");

	public CertificateId {
		if (!isTypeCode(typeCode) || !CreditCode.isValid(issuerCode) || !serial.matches("[0-9A-Z]{1,20}")
				|| !version.matches("[0-9]{3}")) {
			throw new IllegalArgumentException("not the parts of a certificate identifier");
		}
	}

	/** Whether {@code code} is a valid credit code followed by a 3-digit sequence. */
	public static boolean isTypeCode(String code) {
		return code != null && TYPE_CODE.matcher(code).matches() && CreditCode.isValid(code.substring(0, 18));
	}

	/**
	 * The identifier {@code text} is, if it is well formed and its check character holds.
	 */
	public static Optional<CertificateId> parse(String text) {
		Matcher matcher = FORM.matcher((text != null) ? text : "");
		if (!matcher.matches() || !isTypeCode(matcher.group(1)) || !CreditCode.isValid(matcher.group(2))) {
			return Optional.empty();
		}
		CertificateId id = new CertificateId(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
		return (id.checkCharacter() == matcher.group(5).charAt(0)) ? Optional.of(id) : Optional.empty();
	}

	public char checkCharacter() {
		return Mod3736.checkCharacter(this.typeCode + this.issuerCode + this.serial + this.version);
	}

	/** A serial number written in [0-9A-Z], at least seven characters. */
	public static String serial(long number) {
		String text = Long.toString(number, 36).toUpperCase(java.util.Locale.ROOT);
		return (text.length() >= 7) ? text : "0".repeat(7 - text.length()) + text;
	}

	@Override
	public String toString() {
		return PREFIX + this.typeCode + "." + this.issuerCode + "." + this.serial + "." + this.version + "."
				+ checkCharacter();
	}

}
