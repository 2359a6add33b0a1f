package org.shutong.catalog.exchange;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masking rule, level by level, for each kind of value it knows and for any other.
 */
class MaskingTests {

	@ParameterizedTest(name = "level {0}: {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			1 | 11010519491231002X      | 11010519491231002X
			2 | 11010519491231002X      | 110105********002X
			3 | 11010519491231002X      | 1****************X
			4 | 11010519491231002X      | ******
			1 | 13812345678             | 13812345678
			2 | 13812345678             | 138****5678
			3 | 13812345678             | *******5678
			4 | 13812345678             | ******
			1 | 张三丰                   | 张三丰
			2 | 张三丰                   | 张**
			2 | 李四                     | 李*
			3 | 李四                     | 李**
			3 | 欧阳娜娜                 | 欧**
			2 | 买买提·艾力              | 买*****
			4 | 张三丰                   | ******
			1 | 杭州市西湖区文三路 1 号  | 杭州市西湖区文三路 1 号
			2 | 杭州市西湖区文三路 1 号  | 杭***********号
			3 | 杭州市西湖区文三路 1 号  | ******
			4 | 杭州市西湖区文三路 1 号  | ******
			2 | ab                      | ******
			2 | Zhang San               | Z*******n
			""")
	void masksTextByLevel(int level, String value, String masked) {
		assertThat(Masking.mask(StringNode.valueOf(value), level)).isEqualTo(StringNode.valueOf(masked));
	}

	@ParameterizedTest(name = "level {0}")
	@CsvSource({ "2", "3", "4" })
	void withholdsNonTextValuesFromLevelTwo(int level) {
		assertThat(Masking.mask(IntNode.valueOf(1949), level)).isEqualTo(StringNode.valueOf("******"));
		assertThat(Masking.mask(BooleanNode.TRUE, level)).isEqualTo(StringNode.valueOf("******"));
	}

	@ParameterizedTest(name = "level {0}")
	@CsvSource({ "1", "2", "3", "4" })
	void keepsNullsAndLevelOneValues(int level) {
		assertThat(Masking.mask(NullNode.getInstance(), level)).isEqualTo(NullNode.getInstance());
		assertThat(Masking.mask(IntNode.valueOf(7), 1)).isEqualTo(IntNode.valueOf(7));
	}

}
