package org.shutong.audit.event.web;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.event.EventRecord;
import org.shutong.platform.audit.AuditEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as CSV rows (RFC 4180: comma separated, CRLF line ends, a field in double quotes
 * when it holds a comma, quote or line break, a quote doubled). A field starting with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so that a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
final class EventCsv {

	/** Lets Excel recognise UTF-8, without which Chinese text is garbled. */
	static final char BYTE_ORDER_MARK = '\uFEFF';

	static final List<String> HEADER = List.of("leafIndex", "eventId", "occurredAt", "receivedAt", "service", "action",
			"outcome", "actorDepartment", "actorClient", "actorUser", "subjectKind", "subjectReference", "resource",
			"serviceItemCode", "purpose", "traceId", "details");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EventCsv() {
	}

	static void header(Writer out) throws IOException {
		row(out, HEADER);
	}

	static void row(Writer out, EventRecord logged) throws IOException {
		AuditEvent event = logged.event();
		AuditEvent.Subject subject = event.subject();
		row(out, List.of(Long.toString(logged.leafIndex()), event.eventId().toString(), time(event.occurredAt()),
				time(logged.receivedAt()), event.service(), event.action(), event.outcome().name(),
				text(event.actor().departmentCode()), text(event.actor().clientId()), text(event.actor().userId()),
				(subject != null) ? subject.kind().name() : "", (subject != null) ? subject.reference() : "",
				text(event.resource()), text(event.serviceItemCode()), text(event.purpose()), text(event.traceId()),
				(event.details() != null) ? JSON.writeValueAsString(event.details()) : ""));
	}

	/** One field as written: defused, then quoted if it must be. */
	static String field(String value) {
		String defused = value;
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			defused = "'" + value;
		}
		if (defused.indexOf(',') >= 0 || defused.indexOf('"') >= 0 || defused.indexOf('\r') >= 0
				|| defused.indexOf('\n') >= 0) {
			return '"' + defused.replace("\"", "\"\"") + '"';
		}
		return defused;
	}

	private static void row(Writer out, List<String> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(field(values.get(i)));
		}
		out.write("\r\n");
	}

	private static String time(Instant instant) {
		return instant.toString();
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
