package vn.ocop.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A batch's look-ups read the rows of all its aggregates in one query and keep the answers for the transaction;
 * a key outside the batch is read alone; a write remembered is what a later look-up finds; a transaction's answers
 * do not outlive it.
 */
class BatchReadsTest {

    private final Map<String, String> table = new java.util.HashMap<>(Map.of("a", "row a", "c", "row c", "x", "row x"));
    private final List<Collection<String>> manyReads = new ArrayList<>();
    private final List<String> singleReads = new ArrayList<>();
    private final BatchReads<String> reads = new BatchReads<>(keys -> {
        manyReads.add(List.copyOf(keys));
        return keys.stream().filter(table::containsKey).collect(java.util.stream.Collectors.toMap(k -> k, table::get));
    }, key -> {
        singleReads.add(key);
        return Optional.ofNullable(table.get(key));
    });

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.afterCompletion(0));
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void theBatchsAggregatesAreReadInOneQueryAndTheirAnswersKept() {
        TransactionSynchronizationManager.initSynchronization();
        BatchAggregates.include(List.of(event("a"), event("b"), event("c"), event("a")));

        assertThat(reads.find("b")).isEmpty();
        assertThat(reads.find("a")).contains("row a");
        assertThat(reads.find("c")).contains("row c");
        assertThat(manyReads).containsExactly(List.of("a", "b", "c"));
        assertThat(singleReads).isEmpty();

        assertThat(reads.find("x")).as("outside the batch: read alone").contains("row x");
        assertThat(reads.find("x")).contains("row x");
        assertThat(singleReads).containsExactly("x");

        table.put("b", "row b stored by someone else");
        reads.remember("b", "row b as written");
        assertThat(reads.find("b")).contains("row b as written");

        reads.forgetAll();
        assertThat(reads.find("c")).contains("row c");
        assertThat(manyReads).hasSize(2).last().isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void outsideATransactionEveryLookUpAsks() {
        BatchAggregates.include(List.of(event("a")));
        assertThat(BatchAggregates.current()).isEmpty();

        reads.find("a");
        reads.find("a");

        assertThat(singleReads).containsExactly("a", "a");
        assertThat(manyReads).isEmpty();
    }

    @Test
    void aTransactionsAnswersEndWithIt() {
        TransactionSynchronizationManager.initSynchronization();
        BatchAggregates.include(List.of(event("a")));
        assertThat(reads.find("a")).contains("row a");
        endTransaction();

        TransactionSynchronizationManager.initSynchronization();
        table.put("a", "row a, later");
        assertThat(BatchAggregates.current()).isEmpty();
        assertThat(reads.find("a")).contains("row a, later");
    }

    private static GenericDomainEventMessage<String> event(String aggregate) {
        return new GenericDomainEventMessage<>("Product", aggregate, 0, "payload");
    }
}
