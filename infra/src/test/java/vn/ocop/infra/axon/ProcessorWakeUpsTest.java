package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * A processor's stream opened through the wake-ups takes its "events available" callback, which a local
 * commit runs at once; a closed stream is called no more.
 */
class ProcessorWakeUpsTest {

    @Test
    void aCommitWakesEveryOpenStreamAndNoClosedOne() {
        try (ProcessorWakeUps wakeUps = new ProcessorWakeUps()) {
            StreamableMessageSource<TrackedEventMessage<?>> source = wakeUps.source(token -> new EmptyStream());
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            BlockingStream<TrackedEventMessage<?>> one = source.openStream(null);
            BlockingStream<TrackedEventMessage<?>> two = source.openStream(null);

            assertThat(one.setOnAvailableCallback(first::incrementAndGet)).as("callbacks are supported").isTrue();
            two.setOnAvailableCallback(second::incrementAndGet);
            wakeUps.eventsCommitted();
            two.close();
            wakeUps.eventsCommitted();

            assertThat(first.get()).isGreaterThanOrEqualTo(2);
            int secondBeforeClose = second.get();
            assertThat(secondBeforeClose).isGreaterThanOrEqualTo(1);
            wakeUps.eventsCommitted();
            assertThat(second.get()).isEqualTo(secondBeforeClose);
            one.close();
        }
    }

    /** A store with nothing to read. */
    static final class EmptyStream implements BlockingStream<TrackedEventMessage<?>> {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("nothing to read");
        }

        @Override
        public void close() {
        }
    }
}
