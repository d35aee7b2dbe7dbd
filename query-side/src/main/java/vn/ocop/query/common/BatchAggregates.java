package vn.ocop.query.common;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The aggregates whose events the current transaction's batch carries, as the views' processor hands it over
 * ({@link ViewsProcessor}): what a view's look-ups read together, in one query for the whole batch
 * ({@link BatchReads}), instead of one query per event.
 */
public final class BatchAggregates {

    private static final TransactionScoped<Set<String>> CURRENT = new TransactionScoped<>(LinkedHashSet::new);

    private BatchAggregates() {
    }

    /** Adds the aggregates of {@code events} to the current transaction's batch; nothing outside a transaction. */
    public static void include(Collection<?> events) {
        CURRENT.get().ifPresent(aggregates -> events.forEach(event -> {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
                aggregates.add(domainEvent.getAggregateIdentifier());
            }
        }));
    }

    /** The current transaction's batch's aggregates: empty outside a batch. */
    public static Set<String> current() {
        return CURRENT.existing().orElse(Set.of());
    }
}
