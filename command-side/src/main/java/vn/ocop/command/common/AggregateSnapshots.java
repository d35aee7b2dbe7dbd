package vn.ocop.command.common;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Products live for decades of evaluations and certificates, subjects for as long as they produce: both are
 * loaded from a snapshot, replaying only the events since it (on 100-event subjects, commands ran at 0.29 of new
 * ones without). A snapshot is the aggregate's fields as JSON, so a snapshotted aggregate declares field-based
 * JSON (docs/event-store.md).
 */
@Configuration(proxyBeanMethods = false)
class AggregateSnapshots {

    /** Events after which a new snapshot is taken. */
    static final int EVENTS_BETWEEN_SNAPSHOTS = 50;

    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }

    @Bean
    SnapshotTriggerDefinition subjectSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
