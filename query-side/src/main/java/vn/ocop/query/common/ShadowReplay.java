package vn.ocop.query.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.events.common.EventTimestamps;

/**
 * Views rebuilt on the side, by their own projections, without touching the live ones. Inside one transaction,
 * a schema of empty copies of the views' tables goes first on the search path, the stored events are handed to
 * the views' projections (whose unqualified SQL then writes the copies), the caller reads — with the very queries
 * the live endpoints use — and the transaction is rolled back: the shadow leaves no trace.
 *
 * <p>Limited to the events recorded up to an instant, this is time travel: the views as they stood then,
 * computed by the same code as today's. The shadow then also holds a {@code domain_event_entry} of those events
 * only, so that whatever reads the events directly (the annual review, the timelines) sees the same past.
 *
 * <p>Committed and kept instead, a replay of the events up to a position is a checkpoint ({@link ViewCheckpoints}):
 * time travel starts from the newest one recorded by its instant and replays only the events after it.
 */
@Component
public class ShadowReplay {

    /** The tables each view keeps. */
    public static final Map<String, List<String>> TABLES = Map.of(
            "register", List.of("product_register", "register_tally", "register_totals", "certificate_expiry_tally"),
            "subjects", List.of("subject_view", "subject_tally"),
            "support-ledger", List.of("budget_line_view", "support_grant_view"),
            "programme-plans", List.of("programme_plan_view", "planned_product_view"),
            "evaluations", List.of("evaluation_view"));

    /**
     * Tables whose projections find rows by their keys alone, or never look rows up: their shadow copies and
     * checkpoints keep only their unique indexes, so that a replay does not also maintain the indexes the live
     * table keeps for its readers (a shadow is read once; a replay writes every row again and again).
     */
    private static final Set<String> KEYED_ONLY = Set.of("product_register", "subject_view", "evaluation_view");

    /**
     * The shadow a reader works in: the schema of the tables replayed into (a checkpoint's, when it started from
     * one), the position of the checkpoint it started from (0: from empty views), and how many events were replayed
     * into it after that.
     */
    public record Shadow(String schema, long fromPosition, long eventsReplayed) {
    }

    /** How long a replay waits for the event stream's next event before it gives up. */
    private static final Duration STREAM_PAUSE = Duration.ofSeconds(60);

    /** The advisory lock that lets one checkpoint maker work at a time. */
    private static final long CHECKPOINT_MAKER = 0x6f636f70_636b7074L;

    private static final Random NAMES = new Random();

    /**
     * Present in a transaction that replays every event after a position, once and in order, into views that hold
     * exactly the events up to it: views it made empty, or a checkpoint's tables.
     */
    private static final TransactionScoped<Boolean> IN_ORDER = new TransactionScoped<>(() -> Boolean.TRUE);

    private final ApplicationContext context;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Today today;
    private final List<WriteBehind> heldBack;
    private final ViewCheckpoints checkpoints;
    private final long checkpointEvery;
    private final Duration checkpointSettle;
    private final ObjectMapper json;

    ShadowReplay(ApplicationContext context, EventStore eventStore, JdbcTemplate jdbc,
                 PlatformTransactionManager transactionManager, Clock clock, Today today, List<WriteBehind> heldBack,
                 ViewCheckpoints checkpoints, @Value("${ocop.time-travel.checkpoint-every:50000}") long checkpointEvery,
                 @Value("${ocop.time-travel.checkpoint-settle:1m}") Duration checkpointSettle, ObjectMapper json) {
        this.context = context;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.today = today;
        this.heldBack = heldBack;
        this.checkpoints = checkpoints;
        this.checkpointEvery = checkpointEvery;
        this.checkpointSettle = checkpointSettle;
        this.json = json;
    }

    /**
     * Reads the present views with today's date, or — given {@code asOf} — every view as it stood at that instant,
     * with that instant's date. Either way the read sees one state of the views: the present in one read-only
     * transaction whose snapshot is taken at its first statement (repeatable read), so that a dashboard's figures,
     * or a list's total and its page, never mix the views before and after a batch committed between two of its
     * statements.
     */
    public <T> T at(Instant asOf, Function<LocalDate, T> read) {
        return at(asOf, TABLES.keySet(), read);
    }

    /** Reads the present views in one state of them, as {@link #at(Instant, Function)} does without an instant. */
    public <T> T present(Supplier<T> read) {
        return snapshot.execute(status -> read.get());
    }

    /** The same, rebuilding only {@code views} for a past instant. */
    public <T> T at(Instant asOf, Collection<String> views, Function<LocalDate, T> read) {
        if (asOf == null) {
            return present(() -> read.apply(today.date()));
        }
        if (asOf.isAfter(clock.instant())) {
            throw new InvalidQuery("asOf", "asOf lies in the future; the views are known up to now.",
                    "Thời điểm asOf nằm trong tương lai; dữ liệu chỉ có đến hiện tại.");
        }
        return replayed(views, asOf, shadow -> read.apply(today.dateAt(asOf)));
    }

    /**
     * The views as known at {@code asOf} (now when null) and in effect on {@code effectiveOn} (the known-then day
     * when null): rebuilt from the events recorded by then whose business date ({@link EffectiveDates}) is not
     * after {@code effectiveOn}, read with that date. A decision dated back is thus in the register of its own
     * date once it is known, and a decision dated after the day asked is not, whenever it was recorded; no
     * checkpoint serves such a read, for a checkpoint holds every event before its position.
     */
    public <T> T at(Instant asOf, LocalDate effectiveOn, Collection<String> views, Function<LocalDate, T> read) {
        if (effectiveOn == null) {
            return at(asOf, views, read);
        }
        if (asOf != null && asOf.isAfter(clock.instant())) {
            throw new InvalidQuery("asOf", "asOf lies in the future; the views are known up to now.",
                    "Thời điểm asOf nằm trong tương lai; dữ liệu chỉ có đến hiện tại.");
        }
        LocalDate known = asOf == null ? today.date() : today.dateAt(asOf);
        if (effectiveOn.isAfter(known)) {
            throw new InvalidQuery("effectiveOn", "effectiveOn lies after " + known + ", the day the views are known "
                    + "by; what takes effect later is not yet recorded.", "Ngày hiệu lực effectiveOn sau ngày "
                    + known + " mà dữ liệu được biết đến; điều có hiệu lực sau đó chưa được ghi nhận.");
        }
        return replayed(views, asOf, event -> !EffectiveDates.of(json.valueToTree(event.getPayload()),
                event.getTimestamp()).isAfter(effectiveOn), shadow -> read.apply(effectiveOn));
    }

    /** {@link #at(Instant, LocalDate, Collection, Function)} over every view. */
    public <T> T at(Instant asOf, LocalDate effectiveOn, Function<LocalDate, T> read) {
        return at(asOf, effectiveOn, TABLES.keySet(), read);
    }

    /**
     * Replays into shadow copies of {@code views} the events recorded up to {@code upTo} (all of them when null),
     * then lets {@code read} work in the shadow; nothing of it survives the call. Up to a past instant, the replay
     * starts from the newest checkpoint usable for it ({@link ViewCheckpoints}) and writes the events after it into
     * the checkpoint's own tables, within this transaction, which is rolled back: the checkpoint is left as it was,
     * and no copy of it is made.
     */
    public <T> T replayed(Collection<String> views, Instant upTo, Function<Shadow, T> read) {
        return replayed(views, upTo, null, read);
    }

    /** The same, handing only the events {@code taken} (all when null) and then from no checkpoint. */
    private <T> T replayed(Collection<String> views, Instant upTo, Predicate<TrackedEventMessage<?>> taken,
                           Function<Shadow, T> read) {
        String schema = "ocop_shadow_" + HexFormat.of().toHexDigits(NAMES.nextLong());
        return transactions.execute(status -> {
            status.setRollbackOnly();
            Optional<ViewCheckpoints.Checkpoint> from = upTo == null || taken != null ? Optional.empty()
                    : checkpoints.usableAt(upTo);
            jdbc.execute("create schema " + schema);
            if (from.isEmpty()) {
                emptyCopies(schema, views);
            }
            if (upTo != null) {
                jdbc.execute("create view " + schema + ".domain_event_entry as select * from public.domain_event_entry "
                        + "where time_stamp::timestamptz <= '" + upTo + "'::timestamptz");
            }
            String tables = from.map(ViewCheckpoints.Checkpoint::schema).orElse(schema);
            long after = from.map(ViewCheckpoints.Checkpoint::position).orElse(0L);
            long replayed = replayInto(schema + (from.isPresent() ? ", " + tables : "") + ", public", views, after,
                    upTo, lastUpTo(after, upTo), taken);
            return read.apply(new Shadow(tables, after, replayed));
        });
    }

    /**
     * Makes the checkpoints due: one for each {@code every} events after the newest usable one, as long as the
     * events it would cover were all recorded before {@code settledBefore} (so that none below its position can
     * still commit). Each is made in a transaction of its own from the one before, and one maker works at a time
     * whichever node it runs on; answers those made.
     */
    public List<ViewCheckpoints.Checkpoint> makeCheckpoints(long every, Instant settledBefore) {
        List<ViewCheckpoints.Checkpoint> made = new ArrayList<>();
        Optional<ViewCheckpoints.Checkpoint> next;
        while ((next = transactions.execute(status -> nextCheckpoint(every, settledBefore))).isPresent()) {
            made.add(next.get());
        }
        return made;
    }

    /** In the current transaction: the next checkpoint after the newest usable one, if one is due. */
    private Optional<ViewCheckpoints.Checkpoint> nextCheckpoint(long every, Instant settledBefore) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                CHECKPOINT_MAKER))) {
            return Optional.empty();
        }
        long forgotten = checkpoints.forgottenOwners();
        Optional<ViewCheckpoints.Checkpoint> last = checkpoints.dropUnusable();
        long after = last.map(ViewCheckpoints.Checkpoint::position).orElse(0L);
        List<Long> due = jdbc.queryForList("""
                select global_index from domain_event_entry where global_index > ?
                order by global_index offset ? limit 1""", Long.class, after, every - 1);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        long position = due.get(0);
        // the store's times compare as text (EventTimestamps): the latest is found without converting any row's time
        Instant latest = Instant.parse(jdbc.queryForObject("""
                select max(time_stamp) from domain_event_entry where global_index > ? and global_index <= ?""",
                String.class, after, position));
        if (!latest.isBefore(settledBefore)) {
            return Optional.empty();
        }
        String schema = ViewCheckpoints.SCHEMA_PREFIX + position;
        jdbc.execute("create schema " + schema);
        emptyCopies(schema, TABLES.keySet());
        last.ifPresent(checkpoint -> checkpoints.restore(checkpoint, schema, tables(TABLES.keySet())));
        long replayed = replayInto(schema + ", public", TABLES.keySet(), after, null, position, null);
        if (replayed != every) {
            throw new IllegalStateException("the checkpoint at position " + position + " replayed " + replayed
                    + " of the " + every + " events after position " + after);
        }
        searchPath("public");
        Instant upTo = last.map(ViewCheckpoints.Checkpoint::recordedUpTo)
                .filter(earlier -> earlier.isAfter(latest)).orElse(latest);
        return Optional.of(checkpoints.record(schema, position, upTo, forgotten));
    }

    /**
     * The position of the last event after {@code after} recorded up to {@code upTo} (the last stored, when null):
     * the replay reads the stream up to it, and no further. The store's times compare as text
     * ({@link EventTimestamps}), so no row's time is converted to find it.
     */
    private long lastUpTo(long after, Instant upTo) {
        Long last = upTo == null
                ? jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class)
                : jdbc.queryForObject("""
                        select max(global_index) from domain_event_entry
                        where global_index > ? and time_stamp <= ?""", Long.class, after, EventTimestamps.of(upTo));
        return last == null ? after : last;
    }

    /** How many events apart the scheduled maker makes checkpoints ({@code ocop.time-travel.checkpoint-every}). */
    public long checkpointEvery() {
        return checkpointEvery;
    }

    /** Every {@code interval}: the checkpoints due over events recorded more than {@code settle} ago. */
    @Scheduled(fixedDelayString = "${ocop.time-travel.checkpoint-interval:10m}",
            initialDelayString = "${ocop.time-travel.checkpoint-interval:10m}")
    void makeCheckpointsDue() {
        if (checkpointEvery > 0) {
            makeCheckpoints(checkpointEvery, clock.instant().minus(checkpointSettle));
        }
    }

    /** In {@code schema}, empty copies of the views' tables, keyed-only ones with their unique indexes alone. */
    private void emptyCopies(String schema, Collection<String> views) {
        for (String table : tables(views)) {
            jdbc.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
        }
        jdbc.queryForList("""
                select n.nspname || '.' || c.relname from pg_index x
                join pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
                join pg_class t on t.oid = x.indrelid
                where n.nspname = ? and not x.indisunique and t.relname = any (?)""", String.class,
                schema, KEYED_ONLY.toArray(String[]::new)).forEach(index -> jdbc.execute("drop index " + index));
    }

    private static List<String> tables(Collection<String> views) {
        return views.stream().flatMap(view -> TABLES.get(view).stream()).toList();
    }

    /**
     * In the current transaction, with {@code searchPath} as the search path: the events after position
     * {@code after} and up to position {@code through}, those recorded up to {@code upTo} and {@code taken} (all
     * when null), handed to the projections of {@code views}; then whatever the views hold back, written. Answers
     * how many were handed.
     */
    private long replayInto(String searchPath, Collection<String> views, long after, Instant upTo, long through,
                            Predicate<TrackedEventMessage<?>> taken) {
        TrackingToken start = after == 0 ? null
                : GapAwareTrackingToken.newInstance(after, Collections.emptySortedSet());
        return replayInto(searchPath, views, start, upTo, through, taken).events();
    }

    private Replayed replayInto(String searchPath, Collection<String> views, TrackingToken start, Instant upTo,
                                long through, Predicate<TrackedEventMessage<?>> taken) {
        List<AnnotationEventHandlerAdapter> handlers = context.getBeansWithAnnotation(ProcessingGroup.class)
                .values().stream()
                .filter(bean -> views.contains(bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        searchPath(searchPath);
        IN_ORDER.makeIfAbsent();
        Replayed replayed = replay(handlers, start, upTo, through, taken);
        heldBack.forEach(WriteBehind::flush); // what the views hold back is written before the reader reads
        return replayed;
    }

    /**
     * For a view rebuilt on the side ({@code ViewRebuilds}), in the current transaction: a new schema with empty
     * copies of the view's tables (keyed-only ones with their unique indexes alone); answers its name.
     */
    public String emptyCopiesOf(String view) {
        String schema = "ocop_rebuild_" + HexFormat.of().toHexDigits(NAMES.nextLong());
        jdbc.execute("create schema " + schema);
        emptyCopies(schema, List.of(view));
        return schema;
    }

    /**
     * In the current transaction: the events after {@code start} (from the first when null) up to position
     * {@code through} that are {@code taken} (all when null), handed to {@code view}'s projection writing the
     * tables of {@code schema}; the search path is the public schema's again afterwards.
     */
    public Replayed replayInto(String schema, String view, TrackingToken start, long through,
                               Predicate<TrackedEventMessage<?>> taken) {
        Replayed replayed = replayInto(schema + ", public", List.of(view), start, null, through, taken);
        searchPath("public");
        return replayed;
    }

    /**
     * Sets the current transaction's search path; the views forget the rows they read or wrote under the one before.
     */
    private void searchPath(String path) {
        jdbc.execute("set local search_path = " + path);
        heldBack.forEach(WriteBehind::readAfresh);
    }

    /**
     * Whether the current transaction replays events once and in order into views that hold exactly the events
     * before them — views it made empty, or a checkpoint's tables: then a record's first event (sequence number 0)
     * finds no row of the record, and needs no look-up.
     */
    public static boolean replayingInOrder() {
        return IN_ORDER.existing().isPresent();
    }

    /**
     * Hands the events after {@code start} (from the first when null) up to the one at {@code through} (an event's
     * position) to the handlers. The stream is read until that event arrives, not until it has nothing at hand: a
     * stream may pause between its fetches, and a replay that ended there would answer with part of the history.
     * Answers how many were handed, and the stream's token after the last event read (null when none was).
     */
    private Replayed replay(List<AnnotationEventHandlerAdapter> handlers, TrackingToken start, Instant upTo,
                            long through, Predicate<TrackedEventMessage<?>> taken) {
        long replayed = 0;
        long position = start == null ? 0 : start.position().orElse(0L);
        TrackingToken last = null;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(start)) {
            while (position < through) {
                if (!events.hasNextAvailable((int) STREAM_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the event stream gave nothing for " + STREAM_PAUSE
                            + " after position " + position + ", short of " + through);
                }
                TrackedEventMessage<?> event = events.nextAvailable();
                position = event.trackingToken().position().orElseThrow();
                if (position > through) {
                    break;
                }
                last = event.trackingToken();
                if ((upTo == null || !event.getTimestamp().isAfter(upTo)) && (taken == null || taken.test(event))) {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                    replayed++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("replay into the shadow failed", e);
        }
        return new Replayed(replayed, last);
    }

    /** What a replay handed: how many events, and the stream's token after the last one read (null if none). */
    public record Replayed(long events, TrackingToken last) {
    }
}
