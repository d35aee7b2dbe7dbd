package vn.ocop.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.audit.chain.ChainProcessor;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;

/**
 * The views and the audit chain: their progress, and rebuilding a view from the first event. The five views share
 * one processor ({@link ViewsProcessor}), whose place is each view's; a view is rebuilt on the side
 * ({@link ViewRebuilds}), so that the others are not replayed with it.
 */
@Component
class Projections {

    private final EventProcessingConfiguration processing;
    private final ViewRebuilds rebuilds;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Projections(EventProcessingConfiguration processing, ViewRebuilds rebuilds, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The five views and the audit chain, by name. */
    List<ProjectionStatus> all() {
        return Stream.concat(ShadowReplay.TABLES.keySet().stream(), Stream.of(ChainProcessor.NAME)).sorted()
                .map(this::status).flatMap(Optional::stream).toList();
    }

    /** The processor that feeds the view or the chain named, if there is one on this node. */
    private Optional<StreamingEventProcessor> processorOf(String name) {
        if (ShadowReplay.TABLES.containsKey(name)) {
            return processor(ViewsProcessor.NAME);
        }
        return name.equals(ChainProcessor.NAME) ? processor(name) : Optional.empty();
    }

    /**
     * Covers every segment whichever node holds it, or none (between a node's failure and another's claim): a
     * segment this node processes is judged by its live status, any other by its stored token — caught up when
     * its position is at the head and none of its gaps is an event that has since been committed.
     */
    Optional<ProjectionStatus> status(String name) {
        return processorOf(name).map(processor -> {
            Map<Integer, EventTrackerStatus> local = processor.processingStatus();
            List<StoredToken> tokens = StoredToken.readAll(jdbc, processor.getName());
            long head = head(jdbc);
            List<SegmentProgress> progress = tokens.stream().map(token -> {
                EventTrackerStatus live = local.get(token.segment());
                return live != null && !live.isErrorState()
                        ? SegmentProgress.held(live.getCurrentPosition().orElse(0L), live.isCaughtUp(),
                                live.isReplaying(), head)
                        : new SegmentProgress(token.index(), token.index() >= head, token.replaying(), token.gaps());
            }).toList();
            long position = progress.stream().mapToLong(SegmentProgress::position).min().orElse(0L);
            boolean replaying = progress.stream().anyMatch(SegmentProgress::replaying);
            boolean caughtUp = caughtUp(progress, this::committedAmong);
            Optional<ViewRebuilds.Rebuild> last = rebuilds.last(name);
            if (last.isEmpty()) {
                return new ProjectionStatus(name, processor.isRunning(), tokens.size(), position, head, caughtUp,
                        replaying, null, null, null, null);
            }
            ViewRebuilds.Rebuild rebuild = last.get();
            Instant until = rebuild.running() ? clock.instant() : rebuild.finished();
            double seconds = Math.max(0.001, Duration.between(rebuild.started(), until).toMillis() / 1000.0);
            double rate = rebuild.position() / seconds;
            if (rebuild.running()) {
                Long toGo = rate > 0 ? Math.round(Math.max(0, head - rebuild.position()) / rate) : null;
                return new ProjectionStatus(name, processor.isRunning(), tokens.size(), rebuild.position(), head,
                        false, true, rebuild.started(), rate, toGo, null);
            }
            return new ProjectionStatus(name, processor.isRunning(), tokens.size(), position, head, caughtUp,
                    replaying, rebuild.started(), rate, null, rebuild.failure());
        });
    }

    /** Where one segment stands: from this node's live status if it holds the segment, else its stored token. */
    record SegmentProgress(long position, boolean caughtUp, boolean replaying, List<Long> gaps) {

        /**
         * A segment this node processes: caught up when its tracker says so and it stands at the head now. Axon's
         * tracker stays caught up once it has been, and one that has just claimed a segment may say so before it has
         * read from the segment's token: a node taking over a dead node's segments reported the view caught up
         * while it was still a hundred events behind.
         */
        static SegmentProgress held(long position, boolean trackerCaughtUp, boolean replaying, long head) {
            return new SegmentProgress(position, trackerCaughtUp && position >= head, replaying, List.of());
        }
    }

    /**
     * Caught up when there are segments, each has reached the head, and no gap a stored token skipped over has
     * since been filled by a late commit.
     */
    static boolean caughtUp(List<SegmentProgress> segments, Predicate<List<Long>> anyCommitted) {
        return !segments.isEmpty() && segments.stream().allMatch(SegmentProgress::caughtUp)
                && !anyCommitted.test(segments.stream().flatMap(segment -> segment.gaps().stream()).toList());
    }

    /** Whether an event is stored at any of {@code positions} (a gap that is a gap no longer). */
    private boolean committedAmong(List<Long> positions) {
        if (positions.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domain_event_entry where global_index = any (?))", Boolean.class,
                (Object) positions.toArray(Long[]::new)));
    }

    /** A segment's stored token: a gap-aware token, or a replay token around one. */
    record StoredToken(int segment, long index, List<Long> gaps, boolean replaying) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** Every segment's stored token of the processor {@code processor}. */
        static List<StoredToken> readAll(JdbcTemplate jdbc, String processor) {
            return jdbc.query("""
                    select segment, token_type, convert_from(token, 'UTF8') from token_entry
                    where processor_name = ?""",
                    (row, n) -> of(row.getInt(1), row.getString(2), row.getString(3)), processor);
        }

        static StoredToken of(int segment, String type, String json) {
            if (json == null) {
                return new StoredToken(segment, 0, List.of(), false);
            }
            try {
                JsonNode token = JSON.readTree(json);
                boolean replay = type != null && type.endsWith("ReplayToken");
                JsonNode current = replay ? token.path("currentToken") : token;
                // A replay token stays one until an event past the reset point arrives; it replays only below it.
                boolean replaying = replay && current.path("index").asLong(-1)
                        < token.path("tokenAtReset").path("index").asLong(0);
                List<Long> gaps = new ArrayList<>();
                current.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
                return new StoredToken(segment, current.path("index").asLong(0), gaps, replaying);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable token of type " + type, e);
            }
        }
    }

    /** Starts rebuilding the view on the side, unless a rebuild of it runs; the chain is never rebuilt. */
    Optional<ProjectionStatus> rebuild(String name) {
        if (!ShadowReplay.TABLES.containsKey(name) || processorOf(name).isEmpty()) {
            return Optional.empty();
        }
        rebuilds.start(name);
        return status(name);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** The last stored event's position (0 when none is). */
    static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
