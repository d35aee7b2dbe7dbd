package vn.ocop.query.admin;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a view into a shadow copy and compares it row by row with the live one, without touching the live
 * view. Inside one transaction, a schema of empty copies of the view's tables is put first on the search path,
 * every stored event is handed to the view's own projection (whose unqualified SQL then writes the copies), the
 * copies are compared with the live tables, and the transaction is rolled back: the shadow leaves no trace.
 */
@Component
class ShadowVerification {

    /** The tables each view keeps. */
    static final Map<String, List<String>> TABLES = Map.of(
            "register", List.of("product_register"),
            "subjects", List.of("subject_view"),
            "support-ledger", List.of("budget_line_view", "support_grant_view"),
            "programme-plans", List.of("programme_plan_view", "planned_product_view"),
            "evaluations", List.of("evaluation_view"));

    private static final String SHADOW = "ocop_shadow";
    private static final int EXAMPLES = 20;

    /** A table's comparison: rows only the live view has, rows only the replay produced, some of them shown. */
    record TableComparison(String table, long liveRows, long shadowRows, long onlyInLive, long onlyInShadow,
                           List<Map<String, Object>> examplesOnlyInLive, List<Map<String, Object>> examplesOnlyInShadow) {
    }

    /** The verdict: equal when every table's rows match exactly. */
    record Verification(String name, long eventsReplayed, boolean equal, List<TableComparison> tables) {
    }

    private final ApplicationContext context;
    private final EntityManager entityManager;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ShadowVerification(ApplicationContext context, EntityManager entityManager, EventStore eventStore,
                       JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.context = context;
        this.entityManager = entityManager;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    Optional<Verification> verify(String name) {
        List<String> tables = TABLES.get(name);
        if (tables == null) {
            return Optional.empty();
        }
        List<AnnotationEventHandlerAdapter> handlers = context.getBeansWithAnnotation(ProcessingGroup.class)
                .values().stream()
                .filter(bean -> bean.getClass().getAnnotation(ProcessingGroup.class).value().equals(name))
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        return Optional.ofNullable(transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("create schema " + SHADOW);
            for (String table : tables) {
                jdbc.execute("create table " + SHADOW + "." + table + " (like public." + table + " including all)");
            }
            jdbc.execute("set local search_path = " + SHADOW + ", public");
            long replayed = replay(handlers);
            entityManager.flush(); // views kept through JPA write their rows before the comparison reads them
            List<TableComparison> comparisons = new ArrayList<>();
            for (String table : tables) {
                comparisons.add(compare(table));
            }
            boolean equal = comparisons.stream().allMatch(c -> c.onlyInLive() == 0 && c.onlyInShadow() == 0);
            return new Verification(name, replayed, equal, comparisons);
        }));
    }

    private long replay(List<AnnotationEventHandlerAdapter> handlers) {
        long replayed = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                EventMessage<?> event = events.nextAvailable();
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

    private TableComparison compare(String table) {
        String live = "public." + table;
        String shadow = SHADOW + "." + table;
        return new TableComparison(table,
                count("select count(*) from " + live), count("select count(*) from " + shadow),
                count("select count(*) from (select * from " + live + " except select * from " + shadow + ") d"),
                count("select count(*) from (select * from " + shadow + " except select * from " + live + ") d"),
                jdbc.queryForList("select * from " + live + " except select * from " + shadow + " limit " + EXAMPLES),
                jdbc.queryForList("select * from " + shadow + " except select * from " + live + " limit " + EXAMPLES));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
