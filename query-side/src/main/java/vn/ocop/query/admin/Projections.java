package vn.ocop.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The views' processors: their progress, and rebuilding one from the first event. */
@Component
class Projections {

    /** A rebuild's start, to measure its rate. */
    private record Rebuild(Instant started, long fromPosition) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<ProjectionStatus> all() {
        return processing.eventProcessors().keySet().stream().sorted()
                .map(this::status).flatMap(Optional::stream).toList();
    }

    Optional<ProjectionStatus> status(String name) {
        return processor(name).map(processor -> {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            long position = segments.values().stream()
                    .mapToLong(status -> status.getCurrentPosition().orElse(0L)).min().orElse(0L);
            long head = head();
            boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
            boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            Rebuild rebuild = rebuilds.get(name);
            Double rate = null;
            Long toGo = null;
            if (rebuild != null) {
                double seconds = Math.max(0.001, Duration.between(rebuild.started(), clock.instant()).toMillis() / 1000.0);
                rate = Math.max(0, position - rebuild.fromPosition()) / seconds;
                toGo = rate > 0 ? Math.round(Math.max(0, head - position) / rate) : null;
            }
            return new ProjectionStatus(name, processor.isRunning(), segments.size(), position, head, caughtUp,
                    replaying, rebuild == null ? null : rebuild.started(), rate, toGo);
        });
    }

    /** Empties the view (its reset handler) and replays every event into it. */
    Optional<ProjectionStatus> rebuild(String name) {
        return processor(name).map(processor -> {
            processor.shutDown();
            processor.resetTokens();
            rebuilds.put(name, new Rebuild(clock.instant(), 0));
            processor.start();
            return status(name).orElseThrow();
        });
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
