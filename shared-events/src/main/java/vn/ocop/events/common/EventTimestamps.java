package vn.ocop.events.common;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the event store writes an event's time ({@code time_stamp}): {@code 2026-11-29T15:42:11.747Z}, UTC, with
 * milliseconds always — Axon's own text, to the character. Every time so written has the same length and layout,
 * so that times compare as text as they do as instants: a query can bound events by time without converting
 * each row's text.
 */
public final class EventTimestamps {

    /** The store's format. */
    public static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private EventTimestamps() {
    }

    /** {@code instant} as the store writes it. */
    public static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
