package vn.ocop.infra.axon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Wakes the projections as soon as this node commits events. Axon's pooled processors read the event store
 * through a stream that cannot tell them when events arrive, so an idle processor looks again only every
 * 500 ms — half a second between a command's acknowledgement and its row in a view. Streams opened through
 * {@link #source} accept the processors' wake-up callback; {@link #eventsCommitted()} (called after every
 * command's commit, and when another node says it committed: {@link EventNotifications}) runs them. While no other
 * node can be heard, a tick every 500 ms catches what they commit.
 */
public final class ProcessorWakeUps implements AutoCloseable {

    /** How long a processor's "anything new?" waits for the store's reader to fetch what was just committed. */
    private static final int GRACE_MILLIS = 20;

    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-wake-ups");
        thread.setDaemon(true);
        return thread;
    });

    /** Whether another node's commits are heard ({@link EventNotifications}); until they are, the tick runs. */
    private volatile boolean listening;

    ProcessorWakeUps() {
        ticker.scheduleWithFixedDelay(() -> {
            if (!listening) {
                eventsCommitted();
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Says whether every node's commits now wake the processors, so that the tick is needed or not. */
    void listening(boolean heard) {
        listening = heard;
    }

    boolean listening() {
        return listening;
    }

    /** Tells every waiting processor that events may be available. */
    public void eventsCommitted() {
        waiting.forEach(Runnable::run);
    }

    /** The event store, as a source whose streams take a wake-up callback. */
    StreamableMessageSource<TrackedEventMessage<?>> source(StreamableMessageSource<TrackedEventMessage<?>> store) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return new WakingStream(store.openStream(token));
            }

            @Override
            public TrackingToken createTailToken() {
                return store.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return store.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant at) {
                return store.createTokenAt(at);
            }

            @Override
            public TrackingToken createTokenSince(java.time.Duration since) {
                return store.createTokenSince(since);
            }
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        /** A short wait, so that a wake-up finds the events its commit made, not an empty read-ahead. */
        @Override
        public boolean hasNextAvailable() {
            try {
                return delegate.hasNextAvailable(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                waiting.remove(previous);
            }
            callback = onAvailable;
            waiting.add(onAvailable);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                waiting.remove(registered);
            }
            delegate.close();
        }
    }
}
