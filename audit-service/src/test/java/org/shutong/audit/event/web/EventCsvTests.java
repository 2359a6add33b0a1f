package org.shutong.audit.event.web;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventCsvTests {

	@ParameterizedTest
	@MethodSource("fields")
	void quotesAndDefusesAField(String value, String written) {
		assertThat(EventCsv.field(value)).isEqualTo(written);
	}

	@Test
	void leavesAnEmptyFieldEmpty() {
		assertThat(EventCsv.field("")).isEmpty();
	}

	static Stream<Arguments> fields() {
		return Stream.of(Arguments.of("GA-00000001", "GA-00000001"), Arguments.of("婚姻登记", "婚姻登记"),
				Arguments.of("a,b", "\"a,b\""), Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
				Arguments.of("one\r\ntwo", "\"one\r\ntwo\""), Arguments.of("one\ntwo", "\"one\ntwo\""),
				Arguments.of("=1+1", "'=1+1"), Arguments.of("+86 138", "'+86 138"), Arguments.of("-5", "'-5"),
				Arguments.of("@SUM(A1)", "'@SUM(A1)"), Arguments.of("\tcmd", "'\tcmd"),
				Arguments.of("\rcmd", "\"'\rcmd\""),
				Arguments.of("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
				Arguments.of("a=b", "a=b"));
	}

}
