package vn.ocop.infra.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * The JPA event store, whose reader for the processors goes ahead in steps of a bounded number of events.
 * <p>
 * The event store reads ahead once for every processor near the head (a stream that may block; no other
 * reader asks for one). That reader keeps the first event of its read reachable until the read ends, and with it
 * every event read after it: when a million events arrived while the processors stood still — written by another
 * node, or by an import — one read took them all in and filled a 512 MB heap within a minute. Read in steps, it
 * holds at most one step, and between steps it stops altogether once every processor has fallen back to reading
 * on its own, instead of reading the whole backlog for nobody.
 */
final class SteppedReadAhead extends JpaEventStorageEngine {

    /** Events per step of the shared reader: ten of the store's fetches. */
    static final int STEP = 1_000;

    private final int step;

    SteppedReadAhead(Builder builder, int step) {
        super(builder);
        this.step = step;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(step) : events;
    }
}
