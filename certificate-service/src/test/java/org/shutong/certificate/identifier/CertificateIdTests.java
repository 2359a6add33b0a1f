package org.shutong.certificate.identifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CertificateIdTests {

	/** A published GB/T 36904 example (marriage certificate). */
	private static final String KNOWN = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F";

	@Nested
	class Parsing {

		@Test
		void acceptsTheKnownExample() {
			CertificateId id = CertificateId.parse(KNOWN).orElseThrow();
			assertThat(id.typeCode()).isEqualTo("11100000000013338W032");
			assertThat(id.issuerCode()).isEqualTo("11220000013544541J");
			assertThat(id.serial()).isEqualTo("2430599");
			assertThat(id.version()).isEqualTo("001");
			assertThat(id).hasToString(KNOWN);
		}

		@ParameterizedTest
		@ValueSource(strings = {
				// wrong check character
				"1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G",
				// one serial digit changed, check kept
				"1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430598.001.F",
				// version changed
				"1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.002.F",
				// issuer credit code with a wrong check character
				"1.2.156.3005.2.11100000000013338W032.11220000013544541K.2430599.001.F",
				// type code whose authority code is not a credit code
				"1.2.156.3005.2.11100000000013338X032.11220000013544541J.2430599.001.F",
				// wrong prefix, lower case, missing parts
				"1.2.156.3005.3.11100000000013338W032.11220000013544541J.2430599.001.F",
				"1.2.156.3005.2.11100000000013338w032.11220000013544541J.2430599.001.F",
				"1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.F", "" })
		void refusesWhatIsNotAValidIdentifier(String text) {
			assertThat(CertificateId.parse(text)).isEmpty();
		}

		@Test
		void refusesNothing() {
			assertThat(CertificateId.parse(null)).isEmpty();
		}

	}

	@Nested
	class Making {

		@Test
		void computesTheCheckCharacterOverTypeIssuerSerialAndVersion() {
			CertificateId id = new CertificateId("11100000000013338W032", "11220000013544541J", "2430599", "001");
			assertThat(id.checkCharacter()).isEqualTo('F');
		}

		@Test
		void writesSerialsInDigitsAndCapitalsAtLeastSevenLong() {
			assertThat(CertificateId.serial(1)).isEqualTo("0000001");
			assertThat(CertificateId.serial(35)).isEqualTo("000000Z");
			assertThat(CertificateId.serial(36)).isEqualTo("0000010");
			assertThat(CertificateId.serial(78_364_164_096L)).isEqualTo("10000000");
		}

		@Test
		void madeIdentifiersParseBack() {
			for (long serial = 1; serial < 2000; serial += 37) {
				CertificateId id = new CertificateId("11330100002482100A101", "11330100002482100A",
						CertificateId.serial(serial), "001");
				assertThat(CertificateId.parse(id.toString())).contains(id);
			}
		}

		@Test
		void refusesPartsOfTheWrongForm() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new CertificateId("11100000000013338W03", "11220000013544541J", "1", "001"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new CertificateId("11100000000013338W032", "11220000013544541J", "a1", "001"));
		}

	}

	@Nested
	class CheckCharacter {

		@Test
		void everySingleCharacterChangeIsCaught() {
			String text = "11100000000013338W03211220000013544541J2430599001";
			char check = Mod3736.checkCharacter(text);
			for (int i = 0; i < text.length(); i++) {
				for (char c : Mod3736.ALPHABET.toCharArray()) {
					if (c != text.charAt(i)) {
						String changed = text.substring(0, i) + c + text.substring(i + 1);
						assertThat(Mod3736.checkCharacter(changed)).as(changed).isNotEqualTo(check);
					}
				}
			}
		}

		@Test
		void refusesCharactersOutsideTheAlphabet() {
			assertThatIllegalArgumentException().isThrownBy(() -> Mod3736.checkCharacter("12a"));
		}

	}

}
