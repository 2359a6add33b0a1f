package org.shutong.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidentIdNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "440524188001010014", "110101199003074477" })
	void acceptsNumbersWithTheirCheckCharacter(String number) {
		assertThat(ResidentIdNumber.isValid(number)).isTrue();
		assertThat(new ResidentIdNumber(number).value()).isEqualTo(number);
	}

	@Test
	void keepsALowerCaseCheckCharacterAsUpperCase() {
		assertThat(new ResidentIdNumber("11010519491231002x").value()).isEqualTo("11010519491231002X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "440524188001010015", "11010519491231002", "01010519491231002X",
			"1101051949123100AX", "" })
	void rejectsWrongCheckCharacterLengthOrForm(String number) {
		assertThat(ResidentIdNumber.isValid(number)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new ResidentIdNumber(number));
	}

	@Test
	void printsOnlyAMaskedForm() {
		ResidentIdNumber number = new ResidentIdNumber("11010519491231002X");
		assertThat(number.masked()).isEqualTo("110105********002X");
		assertThat(number).hasToString("110105********002X");
	}

}
