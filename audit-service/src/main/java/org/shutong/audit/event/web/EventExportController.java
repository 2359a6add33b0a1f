package org.shutong.audit.event.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.shutong.audit.event.EventRecord;
import org.shutong.audit.event.EventSearch;
import org.shutong.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' search as a CSV download, of any size. Events are read in keyset chunks
 * and written out as they come, so memory stays flat however many rows there are. It is
 * written on the request's own (virtual) thread rather than as an asynchronous
 * {@code StreamingResponseBody}, so that no async timeout cuts a long export short.
 */
@RestController
class EventExportController {

	static final int CHUNK = 1000;

	private static final Logger logger = LoggerFactory.getLogger(EventExportController.class);

	private final EventSearch search;

	private final AuditorAccessLog accessLog;

	EventExportController(EventSearch search, AuditorAccessLog accessLog) {
		this.search = search;
		this.accessLog = accessLog;
	}

	/**
	 * The filters of the search, {@code before} to start below a leaf index, and
	 * {@code max} to stop after that many rows.
	 */
	@GetMapping("/api/audit/events.csv")
	@PreAuthorize("hasRole('AUDITOR')")
	void export(@RequestParam MultiValueMap<String, String> parameters, Caller caller, HttpServletResponse response)
			throws IOException {
		EventQuery query = EventQuery.export(parameters);
		long left = (query.limit() != null) ? query.limit() : Long.MAX_VALUE;
		int asked = chunkSize(left);
		List<EventRecord> chunk = this.search.newestFirst(query.filter(), query.before(), asked);
		// Recorded before the first row leaves; a refusal here is still a problem
		// response.
		this.accessLog.record(caller, AuditorAccessLog.EXPORT, query.describe("max"));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-events.csv").build().toString());
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		try {
			out.write(EventCsv.BYTE_ORDER_MARK);
			EventCsv.header(out);
			while (true) {
				for (EventRecord logged : chunk) {
					EventCsv.row(out, logged);
				}
				left -= chunk.size();
				// A short chunk is the last; an empty one too.
				if (chunk.size() < asked || left == 0) {
					break;
				}
				asked = chunkSize(left);
				chunk = this.search.newestFirst(query.filter(), chunk.get(chunk.size() - 1).leafIndex(), asked);
			}
			out.close();
		}
		catch (IOException ex) {
			logger.info("CSV export abandoned by the client: {}", ex.toString());
		}
		catch (RuntimeException ex) {
			throw new ExportCutShort(ex);
		}
	}

	/**
	 * Lets a failure after the first rows were sent reach the servlet container, which
	 * then drops the connection: the download fails visibly instead of ending as if
	 * complete. (The platform's handler would try to append a problem body to the CSV and
	 * end the response normally.)
	 */
	@ExceptionHandler(ExportCutShort.class)
	void cutShort(ExportCutShort ex) {
		throw ex;
	}

	private static int chunkSize(long rowsLeft) {
		return (int) Math.min(CHUNK, rowsLeft);
	}

	static final class ExportCutShort extends RuntimeException {

		ExportCutShort(RuntimeException cause) {
			super("The CSV export failed after its first rows were sent", cause);
		}

	}

}
