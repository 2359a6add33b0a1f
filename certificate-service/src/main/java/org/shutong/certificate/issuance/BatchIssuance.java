package org.shutong.certificate.issuance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.type.CertificateType;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;
import org.shutong.platform.security.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk issuance from a JSON array or NDJSON, read item by item as the body arrives: each
 * item checked on its own (a bad one is reported by index, the rest go on), the good ones
 * signed and stored in chunks: while the signing threads sign one chunk, the request's
 * thread stores the one before and reads the next. The whole batch is one transaction, so
 * a body over the limit issues nothing.
 */
@Service
public class BatchIssuance {

	public static final int MAX_ITEMS = 10_000;

	private static final int CHUNK = 500;

	private final IssuanceRequests requests;

	private final Issuance issuance;

	private final TransactionTemplate transaction;

	// Items are read one after another from one parser: the next item is no trailing
	// token.
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	BatchIssuance(IssuanceRequests requests, Issuance issuance, TransactionTemplate transaction) {
		this.requests = requests;
		this.issuance = issuance;
		this.transaction = transaction;
	}

	/** One item's outcome: the certificate's id, or the problem that refused it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ItemResult(int index, @Nullable String id, @Nullable ProblemDetail problem) {
	}

	public List<ItemResult> issue(Caller caller, InputStream body, boolean ndjson) {
		if (caller.departmentCode() == null) {
			throw new ProblemException(CertificateProblem.NO_DEPARTMENT, "The token names no department");
		}
		return this.transaction.execute((status) -> {
			Run run = new Run(caller);
			if (ndjson) {
				readLines(body, run);
			}
			else {
				readArray(body, run);
			}
			run.finish();
			return run.results;
		});
	}

	private void readLines(InputStream body, Run run) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			int index = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode item;
				try {
					item = this.json.readTree(line);
				}
				catch (JacksonException ex) {
					run.refuse(index++, Problems.of(PlatformProblem.MALFORMED_BODY, "The line is not JSON"));
					continue;
				}
				run.add(index++, item);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readArray(InputStream body, Run run) {
		int index = 0;
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new ProblemException(PlatformProblem.MALFORMED_BODY,
						"The body must be a JSON array (or NDJSON as application/x-ndjson)");
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				JsonNode item = this.json.readTree(parser);
				run.add(index++, item);
			}
		}
		catch (JacksonException ex) {
			// The rest of a broken array cannot be read: what came before stands.
			run.refuse(index,
					Problems.of(PlatformProblem.MALFORMED_BODY, "The body is not valid JSON from this item on"));
		}
	}

	private final class Run {

		private final Caller caller;

		private final List<ItemResult> results = new ArrayList<>();

		private final Map<String, Optional<CertificateType>> types = new HashMap<>();

		private final List<Integer> pendingIndexes = new ArrayList<>();

		private final List<IssueDraft> pending = new ArrayList<>();

		private @Nullable Chunk signing;

		Run(Caller caller) {
			this.caller = caller;
		}

		void add(int index, JsonNode item) {
			if (index >= MAX_ITEMS) {
				throw new ProblemException(CertificateProblem.TOO_MANY_ITEMS,
						"A batch holds at most " + MAX_ITEMS + " certificates; nothing was issued");
			}
			try {
				this.pending.add(BatchIssuance.this.requests.draft(this.caller, item, this.types));
				this.pendingIndexes.add(index);
			}
			catch (ProblemException ex) {
				refuse(index, ex.getBody());
			}
			if (this.pending.size() >= CHUNK) {
				flush();
			}
		}

		void refuse(int index, ProblemDetail problem) {
			this.results.add(new ItemResult(index, null, problem));
		}

		void flush() {
			if (this.pending.isEmpty()) {
				return;
			}
			Chunk next = new Chunk(List.copyOf(this.pendingIndexes),
					BatchIssuance.this.issuance.sign(List.copyOf(this.pending)));
			this.pending.clear();
			this.pendingIndexes.clear();
			storeSigned();
			this.signing = next;
		}

		void finish() {
			flush();
			storeSigned();
		}

		private void storeSigned() {
			if (this.signing == null) {
				return;
			}
			List<StoredCertificate> issued = BatchIssuance.this.issuance.store(this.caller, this.signing.signatures());
			for (int i = 0; i < issued.size(); i++) {
				this.results.add(new ItemResult(this.signing.indexes().get(i), issued.get(i).id(), null));
			}
			this.signing = null;
		}

	}

	private record Chunk(List<Integer> indexes, CompletableFuture<List<StoredCertificate>> signatures) {
	}

}
