package vn.ocop.query.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Views rebuilt on the side, by their own projections, without touching the live ones. Inside one transaction,
 * a schema of empty copies of the views' tables goes first on the search path, the stored events are handed to
 * the views' projections (whose unqualified SQL then writes the copies), the caller reads — with the very queries
 * the live endpoints use — and the transaction is rolled back: the shadow leaves no trace.
 *
 * <p>Limited to the events recorded up to an instant, this is time travel: the views as they stood then,
 * computed by the same code as today's. The shadow then also holds a {@code domain_event_entry} of those events
 * only, so that whatever reads the events directly (the annual review, the timelines) sees the same past.
 */
@Component
public class ShadowReplay {

    /** The tables each view keeps. */
    public static final Map<String, List<String>> TABLES = Map.of(
            "register", List.of("product_register", "register_tally", "certificate_expiry_tally"),
            "subjects", List.of("subject_view", "subject_tally"),
            "support-ledger", List.of("budget_line_view", "support_grant_view"),
            "programme-plans", List.of("programme_plan_view", "planned_product_view"),
            "evaluations", List.of("evaluation_view"));

    /**
     * Tables whose projections find rows by their keys alone: their shadow copies keep only their unique indexes,
     * so that a replay does not also maintain the indexes the live table keeps for its readers (a shadow is read
     * once; a replay writes every row again and again).
     */
    private static final Set<String> KEYED_ONLY = Set.of("product_register", "subject_view");

    /** The shadow a reader works in: its schema, and how many events were replayed into it. */
    public record Shadow(String schema, long eventsReplayed) {
    }

    private static final Random NAMES = new Random();

    /** Present in a transaction that replays every event, once and in order, into views it made empty. */
    private static final TransactionScoped<Boolean> FROM_EMPTY = new TransactionScoped<>(() -> Boolean.TRUE);

    private final ApplicationContext context;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Today today;
    private final List<WriteBehind> heldBack;

    ShadowReplay(ApplicationContext context, EventStore eventStore, JdbcTemplate jdbc,
                 PlatformTransactionManager transactionManager, Clock clock, Today today, List<WriteBehind> heldBack) {
        this.context = context;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.today = today;
        this.heldBack = heldBack;
    }

    /**
     * Reads the present views with today's date, or — given {@code asOf} — every view as it stood at that instant,
     * with that instant's date.
     */
    public <T> T at(Instant asOf, Function<LocalDate, T> read) {
        return at(asOf, TABLES.keySet(), read);
    }

    /** The same, rebuilding only {@code views} for a past instant. */
    public <T> T at(Instant asOf, Collection<String> views, Function<LocalDate, T> read) {
        if (asOf == null) {
            return read.apply(today.date());
        }
        if (asOf.isAfter(clock.instant())) {
            throw new InvalidQuery("asOf", "asOf lies in the future; the views are known up to now.",
                    "Thời điểm asOf nằm trong tương lai; dữ liệu chỉ có đến hiện tại.");
        }
        return replayed(views, asOf, shadow -> read.apply(today.dateAt(asOf)));
    }

    /**
     * Replays into shadow copies of {@code views} the events recorded up to {@code upTo} (all of them when null),
     * then lets {@code read} work in the shadow; nothing of it survives the call.
     */
    public <T> T replayed(Collection<String> views, Instant upTo, Function<Shadow, T> read) {
        List<AnnotationEventHandlerAdapter> handlers = context.getBeansWithAnnotation(ProcessingGroup.class)
                .values().stream()
                .filter(bean -> views.contains(bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        String schema = "ocop_shadow_" + HexFormat.of().toHexDigits(NAMES.nextLong());
        return transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("create schema " + schema);
            for (String view : views) {
                for (String table : TABLES.get(view)) {
                    jdbc.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
                }
            }
            jdbc.queryForList("""
                    select n.nspname || '.' || c.relname from pg_index x
                    join pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
                    join pg_class t on t.oid = x.indrelid
                    where n.nspname = ? and not x.indisunique and t.relname = any (?)""", String.class,
                    schema, KEYED_ONLY.toArray(String[]::new)).forEach(index -> jdbc.execute("drop index " + index));
            if (upTo != null) {
                jdbc.execute("create view " + schema + ".domain_event_entry as select * from public.domain_event_entry "
                        + "where time_stamp::timestamptz <= '" + upTo + "'::timestamptz");
            }
            jdbc.execute("set local search_path = " + schema + ", public");
            FROM_EMPTY.makeIfAbsent();
            long replayed = replay(handlers, upTo);
            heldBack.forEach(WriteBehind::flush); // what the views hold back is written before the reader reads
            return read.apply(new Shadow(schema, replayed));
        });
    }

    /**
     * Whether the current transaction replays every event, once and in order, into views it made empty: then a
     * record's first event (sequence number 0) finds no row of the record, and needs no look-up.
     */
    public static boolean replayingIntoEmptyViews() {
        return FROM_EMPTY.existing().isPresent();
    }

    private long replay(List<AnnotationEventHandlerAdapter> handlers, Instant upTo) {
        long replayed = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                EventMessage<?> event = events.nextAvailable();
                if (upTo != null && event.getTimestamp().isAfter(upTo)) {
                    continue;
                }
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                replayed++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("replay into the shadow failed", e);
        }
        return replayed;
    }
}
