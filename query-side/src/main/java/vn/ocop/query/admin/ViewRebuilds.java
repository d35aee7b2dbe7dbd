package vn.ocop.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;

/**
 * One view rebuilt from the first event while the others, and the view itself, go on serving: its projection
 * replays every event into empty copies of its tables in a schema of the rebuild's own, and the copies then replace
 * the live tables' rows in the same transaction. The live view is thus never empty or half built, and the other four
 * views sharing its processor ({@link ViewsProcessor}) are not replayed at all.
 *
 * <p>The copies must hold exactly the events the processor's tokens cover, for the processor goes on from its
 * tokens afterwards. So the swap waits until no batch is in flight (the processor's swap lock), reads the tokens,
 * replays into the copies the events they cover that the first pass had not reached (and none they do not cover),
 * and swaps; until the tokens have passed every event of the first pass it lets the processor go on and looks again.
 */
@Component
class ViewRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ViewRebuilds.class);

    /** How long a swap waits for the processor to reach the first pass's last event. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    /** A rebuild's progress: its place in the stream while it replays, then when it ended and how. */
    static final class Rebuild {
        private final Instant started;
        private final long head;
        private final AtomicLong position = new AtomicLong();
        private final AtomicLong replayed = new AtomicLong();
        private volatile Instant finished;
        private volatile String failure;

        private Rebuild(Instant started, long head) {
            this.started = started;
            this.head = head;
        }

        Instant started() {
            return started;
        }

        /** The last event's position when it started. */
        long head() {
            return head;
        }

        long position() {
            return position.get();
        }

        long replayed() {
            return replayed.get();
        }

        /** When the new rows were swapped in, or it failed; null while it runs. */
        Instant finished() {
            return finished;
        }

        /** Why it failed, or null. */
        String failure() {
            return failure;
        }

        boolean running() {
            return finished == null;
        }
    }

    private final ShadowReplay replay;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ViewRebuilds(ShadowReplay replay, JdbcTemplate jdbc, DataSource dataSource,
                 PlatformTransactionManager transactionManager, Clock clock) {
        this.replay = replay;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Starts rebuilding {@code view} unless a rebuild of it is running; answers the rebuild that is. */
    Rebuild start(String view) {
        return rebuilds.compute(view, (name, running) -> {
            if (running != null && running.running()) {
                return running;
            }
            Rebuild rebuild = new Rebuild(clock.instant(), Projections.head(jdbc));
            workers.execute(() -> run(view, rebuild));
            return rebuild;
        });
    }

    /** The last rebuild of {@code view} on this node, running or ended. */
    Optional<Rebuild> last(String view) {
        return Optional.ofNullable(rebuilds.get(view));
    }

    private void run(String view, Rebuild rebuild) {
        try {
            transactions.executeWithoutResult(status -> rebuild(view, rebuild));
            LOG.info("Rebuilt the {} view from {} events", view, rebuild.replayed());
        } catch (RuntimeException e) {
            rebuild.failure = String.valueOf(e.getMessage());
            LOG.error("The rebuild of the {} view failed; the live view is as it was", view, e);
        } finally {
            rebuild.finished = clock.instant();
        }
    }

    /** In the current transaction: the first pass, then the swap once the processor's tokens allow it. */
    private void rebuild(String view, Rebuild rebuild) {
        String schema = replay.emptyCopiesOf(view);
        ShadowReplay.Replayed first = replay.replayInto(schema, view, null, rebuild.head(), event -> {
            rebuild.position.set(event.trackingToken().position().orElse(0L));
            rebuild.replayed.incrementAndGet();
            return true;
        });
        GapAwareTrackingToken reached = first.last() == null ? GapAwareTrackingToken.newInstance(0, Set.of())
                : (GapAwareTrackingToken) first.last();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            Tokens tokens = waitForTheProcessor(lock, reached);
            try {
                catchUp(schema, view, reached, tokens, rebuild);
                swap(schema, view);
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuild's lock could not be taken", e);
        }
    }

    /**
     * Takes the swap lock once the processor's tokens cover every event of the first pass; answers them. Holding
     * the lock, no batch of the views is in flight, so the tokens stay as read until it is let go.
     */
    private Tokens waitForTheProcessor(Connection lock, GapAwareTrackingToken reached) throws SQLException {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (true) {
            try (Statement statement = lock.createStatement()) {
                statement.execute("select pg_advisory_lock(" + ViewsProcessor.SWAP_LOCK + ")");
            }
            Tokens tokens = Tokens.read(jdbc);
            if (tokens.coverEverythingOf(reached)) {
                return tokens;
            }
            unlock(lock);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the views' processor has not reached position " + reached.getIndex()
                        + " within " + LONGEST_WAIT + "; is it running on any node?");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the rebuild was interrupted", e);
            }
        }
    }

    private static void unlock(Connection lock) throws SQLException {
        try (Statement statement = lock.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + ViewsProcessor.SWAP_LOCK + ")");
        }
    }

    /**
     * The events the tokens cover that the first pass did not replay: those after its last event, and those in its
     * gaps that have been committed since. The stream is read from below the lowest such gap; what the first pass
     * replayed there is passed over.
     */
    private void catchUp(String schema, String view, GapAwareTrackingToken reached, Tokens tokens, Rebuild rebuild) {
        Set<Long> lateGaps = new HashSet<>(jdbc.queryForList(
                "select global_index from domain_event_entry where global_index = any (?)", Long.class,
                (Object) reached.getGaps().toArray(Long[]::new)));
        long from = lateGaps.stream().mapToLong(Long::longValue).min().orElse(reached.getIndex() + 1) - 1;
        long through = Math.max(tokens.highest(), lateGaps.stream().mapToLong(Long::longValue).max().orElse(0));
        if (through <= from) {
            return;
        }
        replay.replayInto(schema, view, GapAwareTrackingToken.newInstance(from, Set.of()), through, event -> {
            long position = event.trackingToken().position().orElseThrow();
            boolean missed = position > reached.getIndex() || lateGaps.contains(position);
            if (missed && tokens.cover(event)) {
                rebuild.position.set(Math.max(rebuild.position(), position));
                rebuild.replayed.incrementAndGet();
                return true;
            }
            return false;
        });
    }

    /**
     * The live tables' rows replaced by the copies', the view's parked events forgotten (they are in the copies),
     * the swap counted for the answers kept of the present views ({@link vn.ocop.query.common.PresentAnswers}).
     */
    private void swap(String schema, String view) {
        List<String> tables = ShadowReplay.TABLES.get(view);
        jdbc.execute("truncate " + String.join(", ", tables.stream().map(table -> "public." + table).toList()));
        for (String table : tables) {
            jdbc.execute("insert into public." + table + " select * from " + schema + "." + table);
        }
        jdbc.update("delete from dead_letter_entry where processing_group = ?", view);
        jdbc.update("update view_swaps set swaps = swaps + 1");
        jdbc.execute("drop schema " + schema + " cascade");
    }

    /** The views' processor's stored tokens, one per segment, and which segment an event belongs to. */
    private record Tokens(Map<Segment, Projections.StoredToken> bySegment) {

        static Tokens read(JdbcTemplate jdbc) {
            List<Projections.StoredToken> stored = Projections.StoredToken.readAll(jdbc, ViewsProcessor.NAME);
            Segment[] segments = Segment.computeSegments(stored.stream()
                    .mapToInt(Projections.StoredToken::segment).toArray());
            Map<Segment, Projections.StoredToken> bySegment = new HashMap<>();
            for (Segment segment : segments) {
                stored.stream().filter(token -> token.segment() == segment.getSegmentId()).findFirst()
                        .ifPresent(token -> bySegment.put(segment, token));
            }
            return new Tokens(bySegment);
        }

        /**
         * Whether every segment has passed every event the first pass replayed: its position at or beyond the pass's
         * last, and none of its gaps an event the pass saw committed.
         */
        boolean coverEverythingOf(GapAwareTrackingToken reached) {
            return !bySegment.isEmpty() && bySegment.values().stream().allMatch(token ->
                    token.index() >= reached.getIndex() && token.gaps().stream().allMatch(gap ->
                            gap > reached.getIndex() || reached.getGaps().contains(gap)));
        }

        /** Whether the segment the event belongs to has handled it. */
        boolean cover(TrackedEventMessage<?> event) {
            Object sequence = Objects.requireNonNullElse(
                    SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event), event.getIdentifier());
            long position = event.trackingToken().position().orElseThrow();
            return bySegment.entrySet().stream().filter(entry -> entry.getKey().matches(sequence)).findFirst()
                    .map(entry -> position <= entry.getValue().index() && !entry.getValue().gaps().contains(position))
                    .orElse(false);
        }

        long highest() {
            return bySegment.values().stream().mapToLong(Projections.StoredToken::index).max().orElse(0);
        }
    }
}
