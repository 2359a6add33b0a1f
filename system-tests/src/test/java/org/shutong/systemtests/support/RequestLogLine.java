package org.shutong.systemtests.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a service logs for each request it handles, under the log pattern's
 * {@code [traceId,spanId,requestId]}, e.g.
 * {@code [4bf9…,00f0…,req-1] o.shutong.platform.web.RequestLogFilter : GET /api/catalog/resources 200 12 ms}.
 */
public record RequestLogLine(String traceId, String spanId, String requestId, String method, String path, int status) {

	private static final Pattern LINE = Pattern
		.compile("\\[([0-9a-f]*),([0-9a-f]*),([^\\]]*)\\] \\S*RequestLogFilter\\s*: (\\S+) (\\S+) (\\d{3}) \\d+ ms");

	static Optional<RequestLogLine> parse(String line) {
		Matcher matcher = LINE.matcher(line);
		if (!matcher.find()) {
			return Optional.empty();
		}
		return Optional.of(new RequestLogLine(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
				matcher.group(5), Integer.parseInt(matcher.group(6))));
	}

	@Override
	public String toString() {
		return "[" + this.traceId + "," + this.spanId + "," + this.requestId + "] " + this.method + " " + this.path
				+ " " + this.status;
	}

}
