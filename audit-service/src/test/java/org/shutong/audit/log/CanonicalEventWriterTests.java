package org.shutong.audit.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditEvent.Actor;
import org.shutong.platform.audit.AuditEvent.Subject;
import org.shutong.platform.audit.AuditEvent.SubjectKind;
import org.shutong.platform.audit.AuditOutcome;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass writer gives, byte for byte, what the RFC 8785 reference implementation
 * makes of the event's JSON, on events with every kind of text and detail value.
 */
class CanonicalEventWriterTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final String[] TEXTS = { "", "婚姻登记", "quote \" and backslash \\", "tab\tnew\nline\r",
			"\u0000\u0001\u001f\u007f", "emoji 😀 and 𝄞", "\u2028\u2029", "slash / <script>", "Ünïcödé", "\b\f" };

	private static final Object[] NUMBERS = { 0, -1, 42L, Long.MAX_VALUE, (1L << 53) + 1, -(1L << 53), 0.1, -0.0, 1e21,
			1e-7, 123456789.125, 5e-324, Double.MAX_VALUE, 3.0 };

	@Test
	void writesWhatTheReferenceImplementationWrites() throws Exception {
		Random random = new Random(20261123);
		for (int i = 0; i < 3000; i++) {
			AuditEvent event = event(random);
			byte[] reference = new JsonCanonicalizer(JSON.writeValueAsString(event)).getEncodedUTF8();
			assertThat(new String(CanonicalEventWriter.write(event), "UTF-8")).as("event %d", i)
				.isEqualTo(new String(reference, "UTF-8"));
		}
	}

	@Test
	void leavesOutNullMembersOfTheEvent() {
		AuditEvent event = new AuditEvent(UUID.fromString("00000000-0000-4000-8000-000000000001"),
				Instant.parse("2026-11-23T08:00:00Z"), "gateway", "gateway.user.create", AuditOutcome.SUCCESS,
				new Actor(null, null, null), null, null, null, null, null, null);

		assertThat(new String(CanonicalEventWriter.write(event))).isEqualTo(
				"{\"action\":\"gateway.user.create\",\"actor\":{},\"eventId\":\"00000000-0000-4000-8000-000000000001\","
						+ "\"occurredAt\":\"2026-11-23T08:00:00Z\",\"outcome\":\"SUCCESS\",\"service\":\"gateway\"}");
	}

	private static AuditEvent event(Random random) {
		Instant occurredAt = Instant
			.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000))
			.truncatedTo(random.nextBoolean() ? ChronoUnit.MICROS : ChronoUnit.SECONDS);
		Subject subject = random.nextBoolean() ? null
				: new Subject(random.nextBoolean() ? SubjectKind.PERSON : SubjectKind.ENTERPRISE, "ab".repeat(32));
		return new AuditEvent(new UUID(random.nextLong(), random.nextLong()), occurredAt, "catalog-service",
				"exchange.query", AuditOutcome.values()[random.nextInt(3)],
				new Actor(text(random), text(random), text(random)), subject, text(random), text(random), text(random),
				text(random), random.nextInt(4) == 0 ? null : details(random, 2));
	}

	private static String text(Random random) {
		return random.nextInt(5) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
	}

	private static Map<String, Object> details(Random random, int depth) {
		Map<String, Object> details = new LinkedHashMap<>();
		int members = random.nextInt(6);
		for (int i = 0; i < members; i++) {
			details.put(TEXTS[random.nextInt(TEXTS.length)] + i, value(random, depth));
		}
		return details;
	}

	private static Object value(Random random, int depth) {
		return switch (random.nextInt(depth > 0 ? 7 : 5)) {
			case 0 -> TEXTS[random.nextInt(TEXTS.length)];
			case 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
			case 2 -> random.nextBoolean();
			case 3 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
			case 4 -> random.nextInt(10) == 0 ? null : random.nextLong();
			case 5 -> details(random, depth - 1);
			default -> {
				List<Object> items = new ArrayList<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					items.add(value(random, depth - 1));
				}
				yield items;
			}
		};
	}

}
