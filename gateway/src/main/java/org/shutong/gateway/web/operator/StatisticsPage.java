package org.shutong.gateway.web.operator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.web.PageFormats;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sharing statistics of my department over a period of whole days (the last 30 by
 * default), as a table and as bar charts drawn on the server.
 */
@Controller
@RequestMapping("/console/operator/statistics")
class StatisticsPage {

	static final int DEFAULT_DAYS = 30;

	static final List<String> SERIES = List.of("filed", "approved", "queries");

	private final Catalog catalog;

	private final ResourceNames names;

	StatisticsPage(Catalog catalog, ResourceNames names) {
		this.catalog = catalog;
		this.names = names;
	}

	@GetMapping
	@SuppressWarnings("unchecked")
	String statistics(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		LocalDate lastDay = (to != null) ? to : LocalDate.now(PageFormats.ZONE);
		LocalDate firstDay = (from != null) ? from : lastDay.minusDays(DEFAULT_DAYS - 1);
		Map<String, Object> statistics = this.catalog.get((uri) -> uri.path("/api/catalog/statistics")
			.queryParam("from", firstDay.atStartOfDay(PageFormats.ZONE).toInstant())
			.queryParam("to", lastDay.plusDays(1).atStartOfDay(PageFormats.ZONE).toInstant())
			.build());
		List<Map<String, Object>> rows = (statistics.get("rows") instanceof List<?> list)
				? (List<Map<String, Object>>) list : List.of();
		Map<String, String> names = this.names.of(rows);
		model.addAttribute("from", firstDay);
		model.addAttribute("to", lastDay);
		model.addAttribute("rows", rows);
		model.addAttribute("names", names);
		model.addAttribute("byResource", BarChart.of(SERIES, byResource(rows, names)));
		return "operator/statistics";
	}

	/** Each resource's totals over all the departments on the other side. */
	static List<BarChart.Entry> byResource(List<Map<String, Object>> rows, Map<String, String> names) {
		Map<String, long[]> totals = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			long[] total = totals.computeIfAbsent(String.valueOf(row.get("resource")),
					(code) -> new long[SERIES.size()]);
			for (int i = 0; i < SERIES.size(); i++) {
				total[i] += count(row.get(SERIES.get(i)));
			}
		}
		List<BarChart.Entry> entries = new ArrayList<>();
		totals.forEach((code, total) -> entries
			.add(new BarChart.Entry(names.getOrDefault(code, code), Arrays.stream(total).boxed().toList())));
		return entries;
	}

	private static long count(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
