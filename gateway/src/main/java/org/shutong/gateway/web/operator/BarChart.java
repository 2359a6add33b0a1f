package org.shutong.gateway.web.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn by a template as inline SVG: one
 * group of bars per label (e.g. a resource), one bar per series (e.g. applications filed,
 * approved, queries), all scaled to the largest value so that it spans {@link #PLOT}.
 *
 * @param width the view box's width
 * @param height the view box's height, growing with the groups
 * @param series the series, in the order of each group's bars
 * @param groups the groups with their laid-out bars
 */
public record BarChart(int width, int height, List<String> series, List<Group> groups) {

	static final int WIDTH = 720;

	/** The widest bar; the rest of the width holds the value written after it. */
	static final int PLOT = 600;

	static final int LEGEND = 28;

	static final int LABEL = 18;

	static final int BAR = 14;

	static final int BAR_GAP = 3;

	static final int GROUP_GAP = 12;

	static BarChart of(List<String> series, List<Entry> entries) {
		long max = entries.stream()
			.flatMap((entry) -> entry.values().stream())
			.mapToLong(Long::longValue)
			.max()
			.orElse(0);
		List<Group> groups = new ArrayList<>();
		int y = LEGEND;
		for (Entry entry : entries) {
			int labelY = y + LABEL - 5;
			y += LABEL;
			List<Bar> bars = new ArrayList<>();
			for (int i = 0; i < series.size(); i++) {
				long value = (i < entry.values().size()) ? entry.values().get(i) : 0;
				int length = length(value, max);
				bars.add(new Bar(series.get(i), value, y, length, BAR, length + 4, y + BAR - 3));
				y += BAR + BAR_GAP;
			}
			groups.add(new Group(entry.label(), labelY, bars));
			y += GROUP_GAP;
		}
		return new BarChart(WIDTH, y, List.copyOf(series), groups);
	}

	/** A bar's length: proportional to the largest value, at least a pixel when not 0. */
	static int length(long value, long max) {
		if (value <= 0 || max <= 0) {
			return 0;
		}
		return (int) Math.max(1, Math.round((double) value * PLOT / max));
	}

	public boolean empty() {
		return this.groups.isEmpty();
	}

	/** The x of a series' swatch in the legend. */
	public int legendX(int index) {
		return index * 160;
	}

	/** One label's values, one per series. */
	public record Entry(String label, List<Long> values) {
	}

	public record Group(String label, int labelY, List<Bar> bars) {
	}

	/**
	 * @param series the series it belongs to, which is also its CSS class
	 * {@code bar-<series>}
	 * @param textX where its value is written
	 */
	public record Bar(String series, long value, int y, int width, int height, int textX, int textY) {
	}

}
