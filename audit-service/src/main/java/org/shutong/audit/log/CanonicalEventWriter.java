package org.shutong.audit.log;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.erdtman.jcs.NumberToJSON;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.audit.AuditEvent;

/**
 * Writes an event straight into its RFC 8785 (JCS) form in one pass, where a general
 * canonicalizer would serialize it, parse that text and serialize it again: members in
 * UTF-16 code unit order of their names (which is {@link String#compareTo}), null members
 * of the event left out, strings escaped as ECMAScript's {@code JSON.stringify} does, and
 * numbers in ECMAScript form (the reference implementation's number formatter). The tests
 * hold it byte for byte to the reference implementation.
 */
final class CanonicalEventWriter {

	/**
	 * Integers up to this magnitude are exact as doubles and print the same either way.
	 */
	private static final long EXACT = 1L << 53;

	private final StringBuilder out = new StringBuilder(640);

	static byte[] write(AuditEvent event) {
		CanonicalEventWriter writer = new CanonicalEventWriter();
		writer.event(event);
		return writer.out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void event(AuditEvent event) {
		Members members = new Members();
		members.add("action", event.action());
		members.name("actor");
		actor(event.actor());
		if (event.details() != null) {
			members.name("details");
			value(event.details());
		}
		members.add("eventId", event.eventId().toString());
		members.add("occurredAt", event.occurredAt().toString());
		members.add("outcome", event.outcome().name());
		members.add("purpose", event.purpose());
		members.add("resource", event.resource());
		members.add("service", event.service());
		members.add("serviceItemCode", event.serviceItemCode());
		if (event.subject() != null) {
			members.name("subject");
			Members subject = new Members();
			subject.add("kind", event.subject().kind().name());
			subject.add("reference", event.subject().reference());
			subject.end();
		}
		members.add("traceId", event.traceId());
		members.end();
	}

	private void actor(AuditEvent.Actor actor) {
		Members members = new Members();
		members.add("clientId", actor.clientId());
		members.add("departmentCode", actor.departmentCode());
		members.add("userId", actor.userId());
		members.end();
	}

	private void value(@Nullable Object value) {
		if (value == null) {
			this.out.append("null");
		}
		else if (value instanceof String text) {
			string(text);
		}
		else if (value instanceof Boolean flag) {
			this.out.append(flag);
		}
		else if (value instanceof Number number) {
			number(number);
		}
		else if (value instanceof Map<?, ?> map) {
			Members members = new Members();
			new TreeMap<>(map).forEach((name, member) -> {
				members.name(String.valueOf(name));
				value(member);
			});
			members.end();
		}
		else if (value instanceof Collection<?> items) {
			this.out.append('[');
			boolean first = true;
			for (Object item : items) {
				if (!first) {
					this.out.append(',');
				}
				value(item);
				first = false;
			}
			this.out.append(']');
		}
		else {
			throw new IllegalArgumentException("Event details cannot hold a " + value.getClass().getName());
		}
	}

	private void number(Number number) {
		if ((number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte)
				&& Math.abs(number.longValue()) <= EXACT) {
			this.out.append(number.longValue());
			return;
		}
		if (number instanceof BigInteger big && big.abs().compareTo(BigInteger.valueOf(EXACT)) <= 0) {
			this.out.append(big);
			return;
		}
		try {
			this.out.append(NumberToJSON.serializeNumber(number.doubleValue()));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Event details cannot hold the number " + number, ex);
		}
	}

	private void string(String text) {
		this.out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> this.out.append("\\\"");
				case '\\' -> this.out.append("\\\\");
				case '\b' -> this.out.append("\\b");
				case '\f' -> this.out.append("\\f");
				case '\n' -> this.out.append("\\n");
				case '\r' -> this.out.append("\\r");
				case '\t' -> this.out.append("\\t");
				default -> {
					if (c < 0x20) {
						this.out.append("\\u00")
							.append(Character.forDigit(c >> 4, 16))
							.append(Character.forDigit(c & 0xf, 16));
					}
					else {
						this.out.append(c);
					}
				}
			}
		}
		this.out.append('"');
	}

	/** The members of one object, written in the order given, which must be sorted. */
	private final class Members {

		private boolean first = true;

		Members() {
			CanonicalEventWriter.this.out.append('{');
		}

		void add(String name, @Nullable String value) {
			if (value != null) {
				name(name);
				string(value);
			}
		}

		void name(String name) {
			if (!this.first) {
				CanonicalEventWriter.this.out.append(',');
			}
			this.first = false;
			string(name);
			CanonicalEventWriter.this.out.append(':');
		}

		void end() {
			CanonicalEventWriter.this.out.append('}');
		}

	}

}
