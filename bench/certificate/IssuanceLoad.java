import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issuance load for the certificate service, as an issuing department's system makes it,
 * with tokens from the gateway (client_credentials, scope certificate.issue, renewed every
 * 4 minutes). The issuers file has one line per certificate type, tab-separated:
 * client id, client secret, type code, holder kind (PERSON or ENTITY), fields as
 * name:TYPE,name:TYPE (TEXT, DATE, NUMBER).
 *
 * java IssuanceLoad.java single <service url> <token url> <issuers> <warm-up> <count> <certificate out>
 *   sequential POST /api/certificates with the first issuer's type; p50/p99 of the measured ones;
 *   writes the last certificate issued (for verification load).
 * java IssuanceLoad.java batch <service url> <token url> <issuers> <from batch> <to batch> <size> <concurrency> [total]
 *   POST /api/certificates/batch, NDJSON of <size> items; batch i of type i mod (lines of the
 *   issuers file); <concurrency> requests at a time; batches are numbered so a run can resume at one.
 *   With [total], the last batch holds only what is left of total certificates.
 */
public class IssuanceLoad {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final Pattern ISSUED = Pattern.compile("\"issued\":(\\d+)");

	static final Pattern REFUSED = Pattern.compile("\"refused\":(\\d+)");

	record Issuer(String client, String secret, String typeCode, String kind, List<String[]> fields) {

		static Issuer parse(String line) {
			String[] c = line.split("\t");
			List<String[]> fields = new ArrayList<>();
			for (String f : c[4].split(",")) {
				fields.add(f.split(":"));
			}
			return new Issuer(c[0], c[1], c[2], c[3], fields);
		}

	}

	public static void main(String[] args) throws Exception {
		String service = args[1], tokenUrl = args[2];
		List<Issuer> issuers = Files.readAllLines(Path.of(args[3]))
			.stream()
			.filter((l) -> !l.isBlank() && !l.startsWith("#"))
			.map(Issuer::parse)
			.toList();
		switch (args[0]) {
			case "single" -> single(service, tokenUrl, issuers.get(0), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), Path.of(args[6]));
			case "batch" -> batch(service, tokenUrl, issuers, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Integer.parseInt(args[6]), Integer.parseInt(args[7]),
					(args.length > 8) ? Long.parseLong(args[8]) : Long.MAX_VALUE);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static void single(String service, String tokenUrl, Issuer issuer, int warmup, int count, Path out)
			throws Exception {
		String token = Tokens.of(tokenUrl, issuer).value();
		List<Double> millis = new ArrayList<>();
		String last = null;
		for (int i = 0; i < warmup + count; i++) {
			byte[] body = request(issuer, 900_000_000L + i).getBytes(StandardCharsets.UTF_8);
			long start = System.nanoTime();
			HttpResponse<String> response = post(service + "/api/certificates", token, "application/json", body);
			double ms = (System.nanoTime() - start) / 1e6;
			if (response.statusCode() != 201) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			if (i >= warmup) {
				millis.add(ms);
			}
			last = response.body();
		}
		Files.writeString(out, last);
		Collections.sort(millis);
		double p50 = millis.get(millis.size() / 2), p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
		System.out.printf("single issuance, %d sequential POST /api/certificates after %d warm-up: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				count, warmup, p50, p99, millis.get(millis.size() - 1));
		System.out.printf("RESULT single_p50_ms=%.2f single_p99_ms=%.2f%n", p50, p99);
	}

	static void batch(String service, String tokenUrl, List<Issuer> issuers, int from, int to, int size,
			int concurrency, long total) throws Exception {
		AtomicInteger next = new AtomicInteger(from);
		List<Double> seconds = Collections.synchronizedList(new ArrayList<>());
		long[] issued = new long[1];
		long[] generating = new long[1];
		long start = System.nanoTime();
		try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				done.add(workers.submit(() -> {
					for (int b = next.getAndIncrement(); b < to; b = next.getAndIncrement()) {
						Issuer issuer = issuers.get(b % issuers.size());
						int items = (int) Math.min(size, total - (long) b * size);
						if (items <= 0) {
							return null;
						}
						long g = System.nanoTime();
						byte[] body = ndjson(issuer, b, size, items);
						synchronized (issued) {
							generating[0] += System.nanoTime() - g;
						}
						long t = System.nanoTime();
						HttpResponse<String> response = post(service + "/api/certificates/batch",
								Tokens.of(tokenUrl, issuer).value(), "application/x-ndjson", body);
						double s = (System.nanoTime() - t) / 1e9;
						Matcher ok = ISSUED.matcher(response.body()), bad = REFUSED.matcher(response.body());
						if (response.statusCode() != 200 || !ok.find() || !bad.find() || !bad.group(1).equals("0")) {
							throw new IllegalStateException("batch " + b + ": " + response.statusCode() + " "
									+ response.body().substring(0, Math.min(2000, response.body().length())));
						}
						seconds.add(s);
						synchronized (issued) {
							issued[0] += Long.parseLong(ok.group(1));
						}
						System.out.printf("batch %d (%s): %d certificates in %.2f s = %.0f/s%n", b, issuer.typeCode(),
								items, s, items / s);
						System.out.flush();
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		double s = (System.nanoTime() - start) / 1e9;
		Collections.sort(seconds);
		System.out.printf("bulk issuance: %d certificates in %d batches of up to %d, %d at a time, in %.1f s = %.0f certificates/s"
				+ " (batch p50 %.2f s, max %.2f s; generating the bodies took %.1f s of client CPU)%n", issued[0],
				seconds.size(), size, concurrency, s, issued[0] / s, seconds.get(seconds.size() / 2),
				seconds.get(seconds.size() - 1), generating[0] / 1e9);
		System.out.printf("RESULT bulk_per_s=%.0f bulk_issued=%d bulk_seconds=%.1f%n", issued[0] / s, issued[0], s);
	}

	/** Batch b's body: items numbered b * size + i, so each batch has its own holders. */
	static byte[] ndjson(Issuer issuer, int b, int size, int items) {
		StringBuilder body = new StringBuilder(items * 400);
		for (int i = 0; i < items; i++) {
			body.append(request(issuer, (long) b * size + i)).append('\n');
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "林", "何" };

	static final String[] GIVEN = { "晓雯", "建国", "丽华", "志强", "海燕", "明", "静", "伟", "芳", "磊", "秀英", "文博" };

	static String request(Issuer issuer, long n) {
		String name = SURNAMES[(int) (n % SURNAMES.length)] + GIVEN[(int) ((n / 14) % GIVEN.length)];
		boolean person = issuer.kind().equals("PERSON");
		String idNumber = person ? residentId(n) : creditCode(n);
		String holderName = person ? name : "杭州" + name + "科技有限公司";
		StringBuilder fields = new StringBuilder();
		for (String[] field : issuer.fields()) {
			if (!fields.isEmpty()) {
				fields.append(',');
			}
			fields.append('"').append(field[0]).append("\":");
			switch (field[1]) {
				case "DATE" -> fields.append('"').append(LocalDate.of(2000, 1, 1).plusDays(n % 9000)).append('"');
				case "NUMBER" -> fields.append(n % 100_000);
				default -> fields.append('"').append(text(field[0], name, n)).append('"');
			}
		}
		return "{\"typeCode\":\"" + issuer.typeCode() + "\",\"holder\":{\"kind\":\"" + issuer.kind()
				+ "\",\"idNumber\":\"" + idNumber + "\",\"name\":\"" + holderName + "\"},\"fields\":{" + fields
				+ "},\"validFrom\":\"2026-01-01T00:00:00+08:00\"}";
	}

	static String text(String field, String name, long n) {
		return switch (field) {
			case "name", "spouseName", "legalRepresentative" -> name;
			case "sex" -> (n % 2 == 0) ? "女" : "男";
			case "address" -> "浙江省杭州市西湖区文三路 " + (n % 999 + 1) + " 号";
			default -> "杭州市" + field + " 第 " + n + " 号";
		};
	}

	static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	/** A GB 11643 resident ID number: Hangzhou Xihu district, a birth date and sequence from n. */
	static String residentId(long n) {
		String first17 = "330106" + LocalDate.of(1950, 1, 1).plusDays(n % 20000).toString().replace("-", "")
				+ String.format("%03d", (n / 20000) % 1000);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	static final String CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final int[] CC_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** A GB 32100 unified social credit code of an enterprise (91, Hangzhou), number n. */
	static String creditCode(long n) {
		return withCheck("91330106" + String.format("%09d", n % 1_000_000_000L));
	}

	static String withCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CC_ALPHABET.indexOf(first17.charAt(i)) * CC_WEIGHTS[i];
		}
		return first17 + CC_ALPHABET.charAt((31 - sum % 31) % 31);
	}

	static HttpResponse<String> post(String url, String token, String type, byte[] body)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", type)
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** One token per client, renewed before it expires. */
	static final class Tokens {

		static final ConcurrentHashMap<String, Tokens> ALL = new ConcurrentHashMap<>();

		final String url, basic;

		String value;

		long expires;

		Tokens(String url, Issuer issuer) {
			this.url = url;
			this.basic = "Basic " + Base64.getEncoder()
				.encodeToString((issuer.client() + ":" + issuer.secret()).getBytes(StandardCharsets.UTF_8));
		}

		static Tokens of(String url, Issuer issuer) {
			return ALL.computeIfAbsent(issuer.client(), (c) -> new Tokens(url, issuer));
		}

		synchronized String value() throws IOException, InterruptedException {
			if (this.value == null || System.nanoTime() > this.expires) {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.url))
					.header("Authorization", this.basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=certificate.issue"))
					.build(), HttpResponse.BodyHandlers.ofString());
				Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
				if (!m.find()) {
					throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
				}
				this.value = m.group(1);
				this.expires = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			}
			return this.value;
		}

	}

}
