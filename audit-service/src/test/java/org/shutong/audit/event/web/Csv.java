package org.shutong.audit.event.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests: records end in CRLF, a quoted field may hold
 * commas, CRLF and doubled quotes; anything else is a failure.
 */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= text.length()) {
						throw new IllegalArgumentException("unterminated quoted field");
					}
					char c = text.charAt(i++);
					if (c == '"') {
						if (i < text.length() && text.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						field.append(c);
					}
				}
			}
			else {
				while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
					char c = text.charAt(i++);
					if (c == '"' || c == '\n') {
						throw new IllegalArgumentException("unquoted field holds " + (int) c + " at " + i);
					}
					field.append(c);
				}
			}
			if (i < text.length() && text.charAt(i) == ',') {
				record.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (text.startsWith("\r\n", i)) {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i += 2;
			}
			else {
				throw new IllegalArgumentException("record not ended by CRLF at " + i);
			}
		}
		return records;
	}

}
