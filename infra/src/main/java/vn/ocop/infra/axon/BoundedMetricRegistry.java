package vn.ocop.infra.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's metrics for the command bus, the query bus and the event processors — counts, timers and the
 * processors' latency — without the framework's capacity gauge. That gauge keeps the timing of every message of
 * the last ten minutes in memory: a view catching up with a million events held several million of them and
 * filled a 512 MB heap (each processor's progress and lag are in {@code GET /api/admin/projections}). The
 * meters are Axon's, by name and tags, kept by {@link MessageMeters}: registered once, not looked up per message.
 */
public final class BoundedMetricRegistry extends GlobalMetricRegistry {

    private static final Function<Message<?>, Iterable<Tag>> NO_TAGS = message -> Tags.empty();

    public BoundedMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, NO_TAGS, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MessageMeters<EventMessage<?>>(name, getRegistry(), tags, latencyTags);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return registerCommandBus(name, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name,
                                                                       Function<Message<?>, Iterable<Tag>> tags) {
        return new MessageMeters<CommandMessage<?>>(name, getRegistry(), tags, null);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name) {
        return registerQueryBus(name, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name,
                                                                       Function<Message<?>, Iterable<Tag>> tags) {
        return new MessageMeters<QueryMessage<?, ?>>(name, getRegistry(), tags, null);
    }
}
