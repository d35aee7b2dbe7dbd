package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
    }
}
