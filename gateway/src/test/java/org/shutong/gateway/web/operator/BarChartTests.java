package org.shutong.gateway.web.operator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTests {

	private static final List<String> SERIES = List.of("filed", "approved", "queries");

	@Test
	void theLargestValueSpansThePlotAndTheOthersAreProportional() {
		BarChart chart = BarChart.of(SERIES, List.of(new BarChart.Entry("户籍", List.of(4L, 2L, 200L)),
				new BarChart.Entry("婚姻", List.of(1L, 0L, 50L))));
		assertThat(chart.groups()).hasSize(2);
		List<BarChart.Bar> first = chart.groups().get(0).bars();
		assertThat(first).extracting(BarChart.Bar::width).containsExactly(12, 6, BarChart.PLOT);
		assertThat(first).extracting(BarChart.Bar::series).containsExactlyElementsOf(SERIES);
		List<BarChart.Bar> second = chart.groups().get(1).bars();
		assertThat(second).extracting(BarChart.Bar::width).containsExactly(3, 0, BarChart.PLOT / 4);
		assertThat(second).extracting(BarChart.Bar::value).containsExactly(1L, 0L, 50L);
	}

	@Test
	void aSmallValueStillShowsAndNothingIsDrawnWhenAllAreZero() {
		assertThat(BarChart.length(1, 1_000_000)).isEqualTo(1);
		assertThat(BarChart.length(0, 10)).isZero();
		BarChart zeros = BarChart.of(SERIES, List.of(new BarChart.Entry("r", List.of(0L, 0L, 0L))));
		assertThat(zeros.groups().get(0).bars()).extracting(BarChart.Bar::width).containsOnly(0);
	}

	@Test
	void barsNeverOverlapAndTheChartGrowsWithTheGroups() {
		BarChart one = BarChart.of(SERIES, List.of(new BarChart.Entry("a", List.of(1L, 1L, 1L))));
		BarChart two = BarChart.of(SERIES,
				List.of(new BarChart.Entry("a", List.of(1L, 1L, 1L)), new BarChart.Entry("b", List.of(1L, 1L, 1L))));
		assertThat(two.height()).isGreaterThan(one.height());
		int bottom = 0;
		for (BarChart.Group group : two.groups()) {
			assertThat(group.labelY()).isGreaterThan(bottom);
			for (BarChart.Bar bar : group.bars()) {
				assertThat(bar.y()).isGreaterThanOrEqualTo(bottom);
				bottom = bar.y() + bar.height();
			}
		}
		assertThat(bottom).isLessThanOrEqualTo(two.height());
		assertThat(two.groups().get(0).bars().get(0).y()).isGreaterThanOrEqualTo(BarChart.LEGEND);
	}

	@Test
	void anEmptyChartHasNoGroups() {
		assertThat(BarChart.of(SERIES, List.of()).empty()).isTrue();
	}

}
