package vn.ocop.query.admin;

import java.time.Instant;

/**
 * Where a view stands in the event stream: the views' processor's place ({@code ViewsProcessor}), or, while the
 * view is being rebuilt on the side, the rebuild's. The audit chain has a processor of its own.
 *
 * @param segments        how many segments its processor has, on every node together (from the stored tokens)
 * @param position        the lowest position its segments have reached (events are numbered by global index), or
 *                        the rebuild's while one runs
 * @param head            the last event's position in the store
 * @param caughtUp        every segment, whichever node holds it, has handled every event up to the head, and no
 *                        rebuild of the view runs
 * @param replaying       it is being rebuilt
 * @param rebuildStarted  when the last rebuild on this node started, or null
 * @param eventsPerSecond positions the last rebuild gained per second (so far, while it runs), or null
 * @param secondsToGo     an estimate of the running rebuild's remaining time, or null
 * @param rebuildFailure  why the last rebuild failed (the live view was left as it was), or null
 */
public record ProjectionStatus(String name, boolean running, int segments, long position, long head,
                               boolean caughtUp, boolean replaying, Instant rebuildStarted,
                               Double eventsPerSecond, Long secondsToGo, String rebuildFailure) {
}
