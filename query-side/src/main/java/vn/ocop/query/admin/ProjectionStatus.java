package vn.ocop.query.admin;

import java.time.Instant;

/**
 * Where a view's processor stands in the event stream.
 *
 * @param segments        how many segments it has, on every node together (from the stored tokens)
 * @param position        the lowest position its segments have reached (events are numbered by global index)
 * @param head            the last event's position in the store
 * @param caughtUp        every segment, whichever node holds it, has handled every event up to the head
 * @param replaying       it is rebuilding from a reset
 * @param rebuildStarted  when the last rebuild through this endpoint started, or null
 * @param eventsPerSecond positions gained per second since that rebuild started, or null
 * @param secondsToGo     an estimate of the rebuild's remaining time, or null
 */
public record ProjectionStatus(String name, boolean running, int segments, long position, long head,
                               boolean caughtUp, boolean replaying, Instant rebuildStarted,
                               Double eventsPerSecond, Long secondsToGo) {
}
