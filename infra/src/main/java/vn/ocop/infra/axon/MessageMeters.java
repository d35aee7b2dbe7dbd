package vn.ocop.infra.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The counts, timings and (for an event processor) latency of the messages a component handles, under the names
 * Axon's own monitors give them ({@code <name>.allTimer}, {@code .successTimer}, {@code .failureTimer},
 * {@code .ignoredTimer}, {@code .ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .processedCounter}, {@code .ignoredCounter}, {@code .latency}), each meter registered once per set of tags.
 *
 * <p>Axon's monitors look up nine meters by name and tags in the registry for every message, and time it into a
 * histogram for six client-side percentiles: an eighth of a view's processing time while it catches up. Here a
 * message costs one look-up of its tags among those already seen, a few additions and two timer records; the
 * timers keep count, total and maximum (percentiles belong to the monitoring system, across nodes).
 */
final class MessageMeters<M extends Message<?>> implements MessageMonitor<M> {

    private final String name;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Function<Message<?>, Iterable<Tag>> latencyTags;
    private final Clock clock;
    private final Map<Tags, Meters> byTags = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();

    /**
     * @param latencyTags the tags of the latency gauge of an event processor; null for a component whose messages
     *                    have no latency worth a gauge (a bus)
     */
    MessageMeters(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags,
                  Function<Message<?>, Iterable<Tag>> latencyTags) {
        this.name = name;
        this.registry = registry;
        this.tags = tags;
        this.latencyTags = latencyTags;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(M message) {
        Meters meters = byTags.computeIfAbsent(Tags.of(tags.apply(message)), this::meters);
        meters.ingested.increment();
        if (latencyTags != null && message instanceof EventMessage<?> event) {
            latencies.computeIfAbsent(Tags.of(latencyTags.apply(message)), this::latency)
                    .set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        }
        long started = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                ended(started, meters.successTime, meters.processed, meters.succeeded);
            }

            @Override
            public void reportFailure(Throwable cause) {
                ended(started, meters.failureTime, meters.processed, meters.failed);
            }

            @Override
            public void reportIgnored() {
                ended(started, meters.ignoredTime, meters.ignored);
            }

            private void ended(long since, Timer outcome, Counter... counted) {
                long took = clock.monotonicTime() - since;
                meters.all.record(took, TimeUnit.NANOSECONDS);
                outcome.record(took, TimeUnit.NANOSECONDS);
                for (Counter counter : counted) {
                    counter.increment();
                }
            }
        };
    }

    private Meters meters(Tags of) {
        return new Meters(timer("allTimer", of), timer("successTimer", of), timer("failureTimer", of),
                timer("ignoredTimer", of), registry.counter(name + ".ingestedCounter", of),
                registry.counter(name + ".successCounter", of), registry.counter(name + ".failureCounter", of),
                registry.counter(name + ".processedCounter", of), registry.counter(name + ".ignoredCounter", of));
    }

    private Timer timer(String which, Tags of) {
        return Timer.builder(name + "." + which).tags(of).register(registry);
    }

    private AtomicLong latency(Tags of) {
        AtomicLong latest = new AtomicLong();
        Gauge.builder(name + ".latency", latest, AtomicLong::get).tags(of).register(registry);
        return latest;
    }

    private record Meters(Timer all, Timer successTime, Timer failureTime, Timer ignoredTime, Counter ingested,
                          Counter succeeded, Counter failed, Counter processed, Counter ignored) {
    }
}
