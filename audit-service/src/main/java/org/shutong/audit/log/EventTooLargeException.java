package org.shutong.audit.log;

/**
 * An event whose canonical form would not fit the log's leaf column.
 */
public class EventTooLargeException extends RuntimeException {

	private final int position;

	EventTooLargeException(int position, int bytes) {
		super("The event at position " + position + " is " + bytes + " bytes in canonical form, more than "
				+ EventLeaves.MAX_BYTES);
		this.position = position;
	}

	/** Where the event is in the list given to {@link AuditLog#append}. */
	public int position() {
		return this.position;
	}

}
