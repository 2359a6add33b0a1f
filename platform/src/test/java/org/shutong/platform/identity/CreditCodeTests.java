package org.shutong.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "11100000000013338W", "11220000013544541J" })
	void acceptsCodesWithTheirCheckCharacter(String code) {
		assertThat(CreditCode.isValid(code)).isTrue();
		assertThat(new CreditCode(code).value()).isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y44", "11100000000013338X", "1110000000001333", "", "91350100M000100YI3",
			"9135010aM000100Y43" })
	void rejectsWrongCheckCharacterLengthOrAlphabet(String code) {
		assertThat(CreditCode.isValid(code)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode(code));
	}

	@Test
	void computesTheCheckCharacter() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
	}

}
