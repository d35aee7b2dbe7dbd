package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/**
 * The processors and buses keep their counts, timers and latency, and no capacity gauge: the gauge's window holds
 * every message's timing for ten minutes, which a catch-up turns into millions of entries.
 */
class BoundedMetricRegistryTest {

    @Test
    void processorsAndBusesAreCountedAndTimedWithoutTheCapacityGauge() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoundedMetricRegistry registry = new BoundedMetricRegistry(meters);
        @SuppressWarnings("unchecked")
        MessageMonitor<EventMessage<?>> processor =
                (MessageMonitor<EventMessage<?>>) registry.registerEventProcessor("register");
        @SuppressWarnings("unchecked")
        MessageMonitor<CommandMessage<?>> commands =
                (MessageMonitor<CommandMessage<?>>) registry.registerCommandBus("commandBus");
        registry.registerQueryBus("queryBus");
        for (int n = 0; n < 1000; n++) {
            processor.onMessageIngested(GenericEventMessage.asEventMessage("event " + n)).reportSuccess();
            commands.onMessageIngested(GenericCommandMessage.asCommandMessage("command " + n)).reportSuccess();
        }

        List<String> names = meters.getMeters().stream().map(meter -> meter.getId().getName()).distinct().toList();
        assertThat(names).noneMatch(name -> name.contains("capacity"));
        assertThat(names).contains("register.successCounter", "register.latency", "commandBus.successCounter");
        assertThat(meters.find("register.successCounter").counter().count()).isEqualTo(1000);
        assertThat(meters.getMeters()).extracting(Meter::getId).anyMatch(id -> id.getName().startsWith("register.")
                && id.getType() == Meter.Type.TIMER);
        assertThat(meters.find("register.allTimer").timer().count()).isEqualTo(1000);
        assertThat(meters.find("register.processedCounter").counter().count()).isEqualTo(1000);
        assertThat(meters.find("commandBus.ingestedCounter").counter().count()).isEqualTo(1000);
    }

    @Test
    void eachOutcomeIsCountedAndTimedUnderTheMessagesTagsAndTheLatencyGaugeFollowsTheLastEvent() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoundedMetricRegistry registry = new BoundedMetricRegistry(meters);
        @SuppressWarnings("unchecked")
        MessageMonitor<CommandMessage<?>> commands = (MessageMonitor<CommandMessage<?>>) registry.registerCommandBus(
                "commandBus", message -> Tags.of("payloadType", message.getPayloadType().getSimpleName()));
        commands.onMessageIngested(GenericCommandMessage.asCommandMessage("a command")).reportSuccess();
        commands.onMessageIngested(GenericCommandMessage.asCommandMessage("another")).reportFailure(
                new IllegalStateException("refused"));
        commands.onMessageIngested(GenericCommandMessage.asCommandMessage(42)).reportIgnored();
        int registered = meters.getMeters().size();
        commands.onMessageIngested(GenericCommandMessage.asCommandMessage("a third")).reportSuccess();

        assertThat(meters.getMeters()).hasSize(registered);
        assertThat(meters.get("commandBus.successCounter").tag("payloadType", "String").counter().count()).isEqualTo(2);
        assertThat(meters.get("commandBus.failureCounter").tag("payloadType", "String").counter().count()).isEqualTo(1);
        assertThat(meters.get("commandBus.failureTimer").tag("payloadType", "String").timer().count()).isEqualTo(1);
        assertThat(meters.get("commandBus.processedCounter").tag("payloadType", "String").counter().count())
                .isEqualTo(3);
        assertThat(meters.get("commandBus.ignoredCounter").tag("payloadType", "Integer").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("commandBus.allTimer").tag("payloadType", "Integer").timer().count()).isEqualTo(1);

        @SuppressWarnings("unchecked")
        MessageMonitor<EventMessage<?>> processor =
                (MessageMonitor<EventMessage<?>>) registry.registerEventProcessor("views");
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        processor.onMessageIngested(new GenericEventMessage<>("late-1", "late", java.util.Map.of(), anHourAgo))
                .reportSuccess();
        assertThat(meters.get("views.latency").gauge().value())
                .isBetween((double) Duration.ofMinutes(59).toMillis(), (double) Duration.ofMinutes(61).toMillis());
        processor.onMessageIngested(GenericEventMessage.asEventMessage("on time")).reportSuccess();
        assertThat(meters.get("views.latency").gauge().value()).isLessThan(Duration.ofMinutes(1).toMillis());
    }
}
