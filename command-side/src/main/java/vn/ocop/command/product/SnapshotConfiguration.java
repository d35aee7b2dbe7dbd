package vn.ocop.command.product;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Products live for decades of evaluations and certificates: they are loaded from a snapshot. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    /** Events after which a new snapshot is taken. */
    static final int EVENTS_BETWEEN_SNAPSHOTS = 50;

    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
